package ca.gigafibre.automation.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.voip.DidReportRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.mock.http.MockHttpOutputMessage;

/** Reports as CSV: a cell that a spreadsheet would run as a formula is written as text. */
class CsvMessageConverterTest {

    @Test
    void cellsStartingWithAFormulaCharacterAreEscaped() throws Exception {
        List<DidReportRow> rows = List.of(new DidReportRow("4502722408", "C-10001", "=HYPERLINK(\"http://evil\",\"x\")", "active", "LOC-00001",
                "+1 Rue Principale", "@SUM(A1)", "-ok", "streetName"));
        MockHttpOutputMessage out = new MockHttpOutputMessage();

        new CsvMessageConverter().write(rows, ResolvableType.forClassWithGenerics(List.class, DidReportRow.class).getType(),
                CsvMessageConverter.TEXT_CSV, out);

        String[] lines = out.getBodyAsString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo("did,customerId,customerName,lineState,locationId,serviceAddress,e911Address,syncStatus,differingFields");
        assertThat(lines[1]).isEqualTo("4502722408,C-10001,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",active,LOC-00001,"
                + "\"'+1 Rue Principale\",\"'@SUM(A1)\",\"'-ok\",streetName");
    }
}
