package org.twitchadvisor.internal.text;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every CSV cell the project writes reads back as it was meant, and none runs as a spreadsheet formula. */
class SpreadsheetCsvTest {

    static List<List<String>> read(String csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).readValues(csv)) {
            while (it.hasNext()) {
                rows.add(Arrays.asList(it.next()));
            }
        }
        return rows;
    }

    @Test
    void textThatStartsLikeAFormulaGetsAQuoteInFront() throws IOException {
        List<String> cells = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-12", "@SUM(A1)", "\tx", "\rx", "=");
        String csv = SpreadsheetCsv.text(List.of(cells));
        assertTrue(csv.startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+1\","), csv);
        assertEquals(List.of(List.of("'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'-12", "'@SUM(A1)", "'\tx", "'\rx", "'=")),
                read(csv), csv);
    }

    @Test
    void otherTextIsLeftAsItIsAndQuotedWhereAReaderCouldMisplaceIt() throws IOException {
        List<String> cells = List.of("plain", "stress;caffeine", "x=1", "a b", "Okafor, A.", "say \"hi\"", "two\nlines",
                "car\rriage", "");
        String csv = SpreadsheetCsv.text(List.of(cells));
        assertEquals("plain,stress;caffeine,x=1,\"a b\",\"Okafor, A.\",\"say \"\"hi\"\"\",\"two\nlines\",\"car\rriage\",\n",
                csv);
        assertEquals(List.of(cells), read(csv));
    }

    @Test
    void numbersStayNumbersNegativeOnesToo() {
        List<Object> row = new ArrayList<>(List.of(0.83, -0.5, 12, -3L, new BigDecimal("1"), new BigDecimal("0.25")));
        row.add(null);
        assertEquals("0.83,-0.5,12,-3,1,0.25,\n", SpreadsheetCsv.text(List.of(row)));
    }

    @Test
    void oneRowAtATimeIsUtf8IntoTheCallersStream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpreadsheetCsv.write(List.of("Zoë", "-1"), out);
        SpreadsheetCsv.write(List.of("b", 1), out);
        assertEquals("Zoë,\"'-1\"\nb,1\n", out.toString(StandardCharsets.UTF_8));
    }
}
