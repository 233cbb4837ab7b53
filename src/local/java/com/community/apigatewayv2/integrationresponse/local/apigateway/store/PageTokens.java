package com.community.apigatewayv2.integrationresponse.local.apigateway.store;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque pagination tokens. A token names the list it belongs to and the creation sequence of the
 * last item returned, so the next page starts strictly after it whatever was inserted or deleted
 * meanwhile. Anything that is not a token this emulator issued for this list is a 400, as the
 * service answers for a garbage token.
 */
final class PageTokens {

    private static final String VERSION = "v1";
    private static final String SEPARATOR = "|";

    private PageTokens() {}

    static String encode(String scope, long lastSequence) {
        String plain = VERSION + SEPARATOR + scope + SEPARATOR + lastSequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param highestIssued the highest sequence number ever issued; a token beyond it was forged
     * @return the sequence number after which the next page starts
     */
    static long decode(String scope, String token, long highestIssued) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String prefix = VERSION + SEPARATOR + scope + SEPARATOR;
        if (!plain.startsWith(prefix)) {
            throw invalid();
        }
        long sequence;
        try {
            sequence = Long.parseLong(plain.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (sequence < 0 || sequence > highestIssued) {
            throw invalid();
        }
        return sequence;
    }

    private static ServiceException invalid() {
        return ServiceException.badRequest("Invalid pagination token specified");
    }
}
