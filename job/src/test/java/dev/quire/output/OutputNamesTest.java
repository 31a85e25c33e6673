package dev.quire.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputNamesTest {
    @Test
    void stripsPdfAndSuffixesDuplicatesWithTheDocumentId() {
        OutputNames names = new OutputNames();
        assertThat(names.nameFor("Report.PDF", "0123456789abcdef")).isEqualTo("Report");
        assertThat(names.nameFor("report.pdf", "fedcba9876543210")).isEqualTo("report_fedcba98");
        assertThat(names.nameFor("report.pdf", "fedcba9876543210")).isEqualTo("report_fedcba98_2");
        assertThat(names.nameFor("notes", "aa")).isEqualTo("notes");
        assertThat(names.nameFor("Ünïcode name.pdf", "ab")).isEqualTo("Ünïcode name");
    }
}
