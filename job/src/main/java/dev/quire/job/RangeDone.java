package dev.quire.job;

import java.io.Serializable;

/** Reported by executors when a page range is done: how many of its pages failed. */
record RangeDone(String docId, int pages, int failed) implements Serializable {
}
