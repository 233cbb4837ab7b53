package com.community.apigatewayv2.integrationresponse.local.apigateway.store;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Random identifiers shaped like the service's: lowercase letters and digits, fixed length. */
final class ResourceIds {

    static final int API_ID_LENGTH = 10;
    static final int CHILD_ID_LENGTH = 7;

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ResourceIds() {}

    /** A fresh identifier not in {@code taken}; the caller records it there under its own lock. */
    static String next(int length, Set<String> taken) {
        while (true) {
            StringBuilder id = new StringBuilder(length);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < length; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!taken.contains(id.toString())) {
                return id.toString();
            }
        }
    }
}
