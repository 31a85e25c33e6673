package dev.quire.job;

import dev.quire.pipeline.PageRange;

import java.io.Serializable;

/** One unit of OCR work: a page range of one document. */
public record PageTask(String docId, String path, PageRange range) implements Serializable {
}
