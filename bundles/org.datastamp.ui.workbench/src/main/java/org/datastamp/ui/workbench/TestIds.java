package org.datastamp.ui.workbench;

import java.util.regex.Pattern;

/**
 * Builds the browser-side script that puts a {@code data-testid} attribute on a widget's DOM element. RAP 3.29 has
 * no server-side API for custom DOM attributes (with {@code org.eclipse.rap.rwt.enableUITests} it renders only its
 * generated ids such as {@code w12}, which change with every widget created before), but its public client
 * scripting API does: {@code rap.getObject(id).$el.attr(...)}. The script runs after the widgets of the same
 * response are created, because RAP renders remote-object calls after the widget tree.
 */
final class TestIds {

    private static final Pattern TEST_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern WIDGET_ID = Pattern.compile("[A-Za-z0-9_]+");

    private TestIds() {
    }

    /**
     * @param widgetId   RAP's protocol id of the widget ({@code WidgetUtil.getId})
     * @param testId     the stable id to render
     * @param textInput  whether the widget is a {@code Text}, whose {@code <input>} gets {@code <testId>-input}
     */
    static String script(String widgetId, String testId, boolean textInput) {
        if (testId == null || !TEST_ID.matcher(testId).matches()) {
            throw new IllegalArgumentException("Test id '" + testId
                    + "' must be lower-case letters and digits separated by single dashes, e.g. start-scan");
        }
        if (widgetId == null || !WIDGET_ID.matcher(widgetId).matches()) {
            throw new IllegalArgumentException("Unexpected RAP widget id '" + widgetId + "'");
        }
        String input = textInput ? "if(w.$input){w.$input.attr('data-testid','" + testId + "-input');}" : "";
        return "(function(){var w=rap.getObject('" + widgetId + "');if(w){w.$el.attr('data-testid','" + testId + "');"
                + input + "}})();";
    }
}
