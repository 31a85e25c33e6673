package dev.quire.ocr.recognize;

/**
 * A greedy CTC decoding of one line with where each character sits in time, so that word gaps
 * can be measured afterwards.
 *
 * @param classes    decoded class per character (blanks and repeats removed)
 * @param firstStep  first time step of each character's run
 * @param lastStep   last time step of each character's run
 * @param probs      probability of each character (its first step, as the reference scores it)
 * @param spaceProb  probability of the space class at every time step
 * @param steps      number of time steps that cover the unpadded input
 * @param cropPixelsPerStep width in the line image (before resizing to height 48) of one time step
 */
public record CtcResult(int[] classes, int[] firstStep, int[] lastStep, float[] probs,
                        float[] spaceProb, int steps, double cropPixelsPerStep) {

    public int length() {
        return classes.length;
    }

    /** Mean character probability, the reference's line score (0 for an empty line). */
    public float score() {
        if (probs.length == 0) {
            return 0f;
        }
        double sum = 0;
        for (float p : probs) {
            sum += p;
        }
        return (float) (sum / probs.length);
    }
}
