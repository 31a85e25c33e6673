package dev.quire.testing;

import java.text.Normalizer;

/** Character error rate of OCR text against ground truth, whitespace-collapsed and NFKC-normalised. */
public final class TextScore {
    private TextScore() {
    }

    public static double cer(String truth, String ocr) {
        String t = normalize(truth);
        String o = normalize(ocr);
        return t.isEmpty() ? (o.isEmpty() ? 0 : 1) : (double) levenshtein(t, o) / t.length();
    }

    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", " ").trim();
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
