package org.datastamp.ui.catalog;

import java.util.List;

import org.eclipse.rap.rwt.RWT;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Building and refilling the views' tables. */
final class Tables {

    private Tables() {
    }

    /**
     * A table with a header; {@code markup} enables RAP markup in its cells (set here because RAP accepts it only
     * before the first item exists), so every cell text must then come through {@link Markup}.
     */
    static Table create(Composite parent, int style, boolean markup, String[] headers, int[] widths) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | style);
        if (markup) {
            table.setData(RWT.MARKUP_ENABLED, Boolean.TRUE);
        }
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        return table;
    }

    /** Replaces the table's rows, reusing items so the browser gets only the changed cells. */
    static void fill(Table table, List<String[]> rows) {
        table.setItemCount(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TableItem item = table.getItem(i);
            String[] row = rows.get(i);
            for (int column = 0; column < row.length; column++) {
                if (!row[column].equals(item.getText(column))) {
                    item.setText(column, row[column]);
                }
            }
        }
    }

    /** Escapes every cell for a markup-enabled table. */
    static String[] escaped(String... cells) {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = Markup.escape(cells[i]);
        }
        return out;
    }
}
