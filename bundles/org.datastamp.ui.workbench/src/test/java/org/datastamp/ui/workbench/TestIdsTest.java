package org.datastamp.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestIdsTest {

    @Test
    void setsTheAttributeOnTheWidgetElement() {
        assertEquals("(function(){var w=rap.getObject('w12');if(w){w.$el.attr('data-testid','start-scan');}})();",
                TestIds.script("w12", "start-scan", false));
    }

    @Test
    void marksTheInputOfATextToo() {
        assertEquals("(function(){var w=rap.getObject('w3');if(w){w.$el.attr('data-testid','frame-count');"
                + "if(w.$input){w.$input.attr('data-testid','frame-count-input');}}})();",
                TestIds.script("w3", "frame-count", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Start", "start scan", "a'); alert(1); ('", "-a", "a--b"})
    void refusesIdsThatAreNotLowerCaseDashedWords(String testId) {
        assertThrows(IllegalArgumentException.class, () -> TestIds.script("w1", testId, false));
    }

    @Test
    void refusesAWidgetIdThatCouldBreakTheScript() {
        assertThrows(IllegalArgumentException.class, () -> TestIds.script("w1'", "ok", false));
    }
}
