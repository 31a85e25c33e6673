package dev.quire.service.bench;

import java.util.Random;

/**
 * Plausible English-like text for synthetic pages: words drawn with a skewed (Zipf-like)
 * frequency from a fixed vocabulary, so that the text compresses like real prose and not like
 * noise or repetition.
 */
final class Prose {
    private static final String[] COMMON = ("the of and to in a is that for it as was with be by on not he this "
            + "are or his from at which but have an they you were her she there been one all we their has would "
            + "when if so no will more can who said its into than them only other new some could time these two "
            + "may then do first any my now such like our over man me even most made after also did many before "
            + "must through back years where much your way well down should because each just those people how "
            + "too little state good very make world still own see men work long get here between both life being "
            + "under never day same another know while last might us great old year off come since against go "
            + "came right used take three").split(" ");
    private static final String[] SYLLABLES = ("ar be con de di en er es ex for im in ing ion is ly ment mo na ne "
            + "ni no of or pa per pre pro ra re ri ro sa se si so sta ta te ter ti to tion tu un ver vi").split(" ");
    private static final String[] RARE = rareWords(4000);

    private Prose() {
    }

    /** One line of about {@code length} characters. */
    static String line(Random random, int length) {
        StringBuilder sb = new StringBuilder(length + 16);
        while (sb.length() < length) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(word(random));
            if (random.nextInt(14) == 0) {
                sb.append(random.nextBoolean() ? ',' : '.');
            }
        }
        if (random.nextInt(5) == 0) {
            sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        }
        return sb.toString();
    }

    private static String word(Random random) {
        if (random.nextInt(10) < 6) {
            // skewed: the first words of the list far more often than the last
            double r = random.nextDouble();
            return COMMON[(int) (COMMON.length * r * r * r)];
        }
        if (random.nextInt(20) == 0) {
            return Integer.toString(random.nextInt(2000));
        }
        double r = random.nextDouble();
        return RARE[(int) (RARE.length * r * r)];
    }

    private static String[] rareWords(int n) {
        Random random = new Random(42);
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words[i] = w.toString();
        }
        return words;
    }
}
