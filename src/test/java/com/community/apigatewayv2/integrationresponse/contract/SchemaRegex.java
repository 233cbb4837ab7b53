package com.community.apigatewayv2.integrationresponse.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * Strings that match a schema pattern, as a jqwik {@link Arbitrary}, so they shrink like any other
 * generated value. It understands the subset of regular expressions a resource schema uses: anchors
 * at either end, groups, alternation, character classes (ranges, negation, the escapes {@code \t},
 * {@code \n}, {@code \f}, {@code \r} and {@code \xHH}), {@code [\s\S]} for any character, escaped
 * punctuation, and the quantifiers {@code +}, {@code *} and {@code ?}. Anything else is refused with
 * the construct and its position, so a new pattern in the schema cannot be silently misread. So are
 * {@code .} and {@code \s}, {@code \S}, {@code \d}, {@code \w} on their own: their meaning differs between
 * ECMA-262 (JSON Schema's dialect), Java and Python, so a schema pattern must not use them.
 *
 * <p>Where a pattern leaves a character free ({@code [\s\S]}, a negated class), it is drawn from
 * printable ASCII, line terminators and other white space, and Latin, Greek, Cyrillic, CJK, Hangul and
 * emoji (outside the Basic Multilingual Plane, so two UTF-16 units).
 */
final class SchemaRegex {
    /** The longest run a {@code +} or {@code *} yields; short runs are the most frequent. */
    static final int MAX_REPETITIONS = 300;

    private final String pattern;
    private int position;

    private SchemaRegex(final String pattern) {
        this.pattern = pattern;
    }

    /** Strings that {@code pattern} matches in full. */
    static Arbitrary<String> matching(final String pattern) {
        final SchemaRegex parser = new SchemaRegex(pattern);
        final Arbitrary<String> strings = parser.alternation();
        if (parser.position != pattern.length()) {
            throw parser.unsupported("an unbalanced ')'", parser.position);
        }
        return strings;
    }

    /** Any text, empty included, with the same mix of characters as a {@code .*}. */
    static Arbitrary<String> freeText() {
        return FREE.times(0, MAX_REPETITIONS);
    }

    private Arbitrary<String> alternation() {
        final List<Arbitrary<? extends String>> branches = new ArrayList<>();
        branches.add(sequence());
        while (peek('|')) {
            position++;
            branches.add(sequence());
        }
        return branches.size() == 1 ? sequenceOf(branches.get(0)) : Arbitraries.oneOf(branches);
    }

    private static Arbitrary<String> sequenceOf(final Arbitrary<? extends String> only) {
        return only.map(String.class::cast);
    }

    private Arbitrary<String> sequence() {
        final List<Arbitrary<String>> parts = new ArrayList<>();
        while (position < pattern.length() && !peek('|') && !peek(')')) {
            final Atom atom = atom();
            if (atom != null) {
                parts.add(quantified(atom));
            }
        }
        if (parts.isEmpty()) {
            return Arbitraries.just("");
        }
        return parts.size() == 1 ? parts.get(0) : Combinators.combine(parts).as(strings -> String.join("", strings));
    }

    /** The next atom, or null for an anchor, which matches no character. */
    private Atom atom() {
        final int at = position;
        final char next = pattern.charAt(position++);
        switch (next) {
            case '^':
                if (position != 1) {
                    throw unsupported("'^' anywhere but at the start", at);
                }
                return null;
            case '$':
                if (position != pattern.length()) {
                    throw unsupported("'$' anywhere but at the end", at);
                }
                return null;
            case '(':
                if (peek('?')) {
                    throw unsupported("a special group '(?'", at);
                }
                final Arbitrary<String> group = alternation();
                if (!peek(')')) {
                    throw unsupported("a group without its ')'", at);
                }
                position++;
                return new Group(group);
            case '[':
                return characterClass();
            case '.':
                throw unsupported(
                        "'.', which matches a different set of characters in each dialect (write [\\s\\S])", at);
            case '\\':
                return escape();
            case '+':
            case '*':
            case '?':
            case '{':
                throw unsupported("a quantifier '" + next + "' with nothing before it", at);
            default:
                return new Group(Arbitraries.just(String.valueOf(next)));
        }
    }

    private Arbitrary<String> quantified(final Atom atom) {
        if (position >= pattern.length()) {
            return atom.times(1, 1);
        }
        final char next = pattern.charAt(position);
        final int least;
        final int most;
        switch (next) {
            case '+' -> {
                least = 1;
                most = MAX_REPETITIONS;
            }
            case '*' -> {
                least = 0;
                most = MAX_REPETITIONS;
            }
            case '?' -> {
                least = 0;
                most = 1;
            }
            case '{' -> throw unsupported("a counted quantifier '{'", position);
            default -> {
                return atom.times(1, 1);
            }
        }
        position++;
        if (peek('?') || peek('+')) {
            throw unsupported("a lazy or possessive quantifier", position);
        }
        return atom.times(least, most);
    }

    private Atom escape() {
        final int at = position - 1;
        if (position >= pattern.length()) {
            throw unsupported("a '\\' at the end", at);
        }
        final char escaped = pattern.charAt(position++);
        if (Character.isLetterOrDigit(escaped)) {
            throw unsupported("the escape '\\" + escaped + "'", at);
        }
        return new Group(Arbitraries.just(String.valueOf(escaped)));
    }

    private Atom characterClass() {
        final int at = position - 1;
        if (pattern.startsWith("\\s\\S]", position)) {
            position += 5;
            return FREE;
        }
        final boolean negated = peek('^');
        if (negated) {
            position++;
        }
        final List<int[]> ranges = new ArrayList<>();
        boolean first = true;
        while (position < pattern.length() && (first || !peek(']'))) {
            first = false;
            final char from = classCharacter();
            if (peek('-') && position + 1 < pattern.length() && pattern.charAt(position + 1) != ']') {
                position++;
                final char to = classCharacter();
                if (to < from) {
                    throw unsupported("the reversed range " + from + "-" + to, at);
                }
                ranges.add(new int[] {from, to});
            } else {
                ranges.add(new int[] {from, from});
            }
        }
        if (!peek(']')) {
            throw unsupported("a class without its ']'", at);
        }
        position++;
        final IntPredicate inClass = codePoint -> ranges.stream().anyMatch(r -> codePoint >= r[0] && codePoint <= r[1]);
        if (negated) {
            return FREE.only(inClass.negate());
        }
        final StringBuilder members = new StringBuilder();
        for (final int[] range : ranges) {
            for (int codePoint = range[0]; codePoint <= range[1]; codePoint++) {
                members.append((char) codePoint);
            }
        }
        return new Chars(members.toString().toCharArray());
    }

    private char classCharacter() {
        final int at = position;
        final char next = pattern.charAt(position++);
        if (next == '[') {
            throw unsupported("a nested class or a POSIX class", at);
        }
        if (next != '\\') {
            return next;
        }
        if (position >= pattern.length()) {
            throw unsupported("a '\\' at the end", at);
        }
        final char escaped = pattern.charAt(position++);
        switch (escaped) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'f':
                return '\f';
            case 'r':
                return '\r';
            case 'x':
                if (position + 2 > pattern.length()) {
                    throw unsupported("a '\\x' without two hex digits", at);
                }
                position += 2;
                return (char) Integer.parseInt(pattern.substring(position - 2, position), 16);
            default:
                if (Character.isLetterOrDigit(escaped)) {
                    throw unsupported("the escape '\\" + escaped + "' in a class", at);
                }
                return escaped;
        }
    }

    private boolean peek(final char expected) {
        return position < pattern.length() && pattern.charAt(position) == expected;
    }

    private IllegalArgumentException unsupported(final String construct, final int at) {
        return new IllegalArgumentException("the schema pattern " + pattern + " uses " + construct + " (at " + at
                + "), which the model generator does not understand");
    }

    /** What a quantifier repeats. */
    private interface Atom {
        Arbitrary<String> times(int least, int most);
    }

    /** A group or a literal: each repetition drawn on its own. */
    private record Group(Arbitrary<String> strings) implements Atom {
        @Override
        public Arbitrary<String> times(final int least, final int most) {
            if (least == 1 && most == 1) {
                return strings;
            }
            return strings.list()
                    .ofMinSize(least)
                    .ofMaxSize(most)
                    .withSizeDistribution(RandomDistribution.biased())
                    .map(parts -> String.join("", parts));
        }
    }

    /**
     * A set of characters, repeated as one jqwik string (generated and shrunk far faster than a list
     * of one-character strings). jqwik strings hold no surrogate pairs, so emoji are drawn as
     * private-use characters and turned into their emoji afterwards.
     */
    private record Chars(char[] pool) implements Atom {
        @Override
        public Arbitrary<String> times(final int least, final int most) {
            return Arbitraries.strings()
                    .withChars(pool)
                    .ofMinLength(least)
                    .ofMaxLength(most)
                    .withLengthDistribution(RandomDistribution.biased())
                    .map(Chars::withEmoji);
        }

        /** The members whose character, emoji included, {@code allowed} accepts. */
        Chars only(final IntPredicate allowed) {
            final StringBuilder kept = new StringBuilder();
            for (final char member : pool) {
                if (allowed.test(codePointOf(member))) {
                    kept.append(member);
                }
            }
            return new Chars(kept.toString().toCharArray());
        }

        private static String withEmoji(final String drawn) {
            final StringBuilder text = new StringBuilder(drawn.length());
            drawn.chars().forEach(member -> text.appendCodePoint(codePointOf((char) member)));
            return text.toString();
        }

        private static int codePointOf(final char member) {
            return member >= EMOJI_STAND_INS && member < EMOJI_STAND_INS + EMOJI_COUNT
                    ? FIRST_EMOJI + member - EMOJI_STAND_INS
                    : member;
        }
    }

    private static final char EMOJI_STAND_INS = 0xe000;
    private static final int EMOJI_COUNT = 16;
    private static final int FIRST_EMOJI = 0x1f600;

    /**
     * The free characters: all of printable ASCII (about half the pool, so most text stays readable),
     * every line terminator of ECMA-262, Java and Python ({@code \n}, {@code \r}, U+0085, U+2028,
     * U+2029) and other white space (tab, vertical tab, form feed, no-break space), and samples of
     * Latin-1 and Latin Extended, Greek, Cyrillic, CJK, Hangul and emoji.
     */
    private static final Chars FREE = freePool();

    private static Chars freePool() {
        final StringBuilder pool = new StringBuilder("\n\r\t\u000b\f\u0085\u00a0\u2028\u2029");
        final int[][] samples = {
            {0x20, 0x7e, 1},
            {0xc0, 0x17f, 3},
            {0x391, 0x3a9, 2},
            {0x410, 0x44f, 4},
            {0x4e00, 0x4e3f, 4},
            {0xac00, 0xac3f, 8},
            {EMOJI_STAND_INS, EMOJI_STAND_INS + EMOJI_COUNT - 1, 1}
        };
        for (final int[] sample : samples) {
            for (int member = sample[0]; member <= sample[1]; member += sample[2]) {
                pool.append((char) member);
            }
        }
        return new Chars(pool.toString().toCharArray());
    }
}
