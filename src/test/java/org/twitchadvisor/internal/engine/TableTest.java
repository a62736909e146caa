package org.twitchadvisor.internal.engine;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.RuleProblem;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The header of a reference table: missing columns are errors, unread ones warnings. */
class TableTest {

    @Test
    void aMisspelledColumnIsAnErrorForTheMissingOneAndAWarningForTheUnreadOne() {
        List<RuleProblem> problems = new ArrayList<>();
        Table t = Table.parse("data/advice.csv", "# advice\nid,text,sorces\nhydrate,Drink water.,000\n",
                List.of("id", "text", "sources"), problems);
        assertEquals(List.of(
                "data/advice.csv:2:1: error: the table has no column 'sources' (did you mean 'sorces'?); it needs the "
                        + "columns id, text, sources",
                "data/advice.csv:2:1: warning: the column 'sorces' is not read (did you mean 'sources'?); the table "
                        + "reads id, text, sources, and a column for your own remarks is called 'note'"),
                problems.stream().map(RuleProblem::toString).toList());
        assertEquals(3, t.rows().get(0).line(), "rows keep their line, after the comment and the header");
    }

    @Test
    void rowsAreReportedAtTheLineTheyStartOn() {
        List<RuleProblem> problems = new ArrayList<>();
        Table t = Table.parse("f.csv", "# c\nid,text\n\"a\nb\",1\n\n# d\nc,2\n", List.of("id", "text"), problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of(3, 7), t.rows().stream().map(Table.Row::line).toList());
    }

    @Test
    void aTableWithoutRowsStillHasItsHeaderChecked() {
        List<RuleProblem> problems = new ArrayList<>();
        Table.parse("f.csv", "id\n", List.of("id", "text"), problems);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("f.csv:1:1: error: the table has no column 'text'; it needs the columns id, text", problems.get(0).toString());
    }

    @Test
    void aRowWithTooManyCellsIsReportedAtItsLine() {
        List<RuleProblem> problems = new ArrayList<>();
        Table.parse("f.csv", "id,text\na,1\nb,2,3\n", List.of("id", "text"), problems);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(3, problems.get(0).line(), problems::toString);
    }

    @Test
    void aNoteColumnIsForPeople() {
        List<RuleProblem> problems = new ArrayList<>();
        Table.parse("data/limits.csv", "name,value,note\nx,1,why\n", List.of("name", "value"), problems);
        assertEquals(List.of(), problems);
    }
}
