package org.datastamp.ui.visualization;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.datastamp.ui.api.ViewContext;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.Scale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Colormap, scale, binning and contrast controls; tells its listener the new {@link Look} after each change. */
final class LookBar {

    private final Combo colormap;
    private final Combo scale;
    private final Combo binning;
    private final Button auto;
    private final Text low;
    private final Text high;
    private final Label error;
    private final Consumer<Look> changed;
    private Look look = Look.initial();

    LookBar(Composite parent, ViewContext context, String prefix, List<String> colormaps, Consumer<Look> changed) {
        this.changed = changed;
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        colormap = combo(bar, "Colormap", colormaps, look.colormap());
        context.setTestId(colormap, prefix + "-colormap");
        scale = combo(bar, "Scale", names(Scale.values()), "linear");
        context.setTestId(scale, prefix + "-scale");
        binning = combo(bar, "Binning", names(Binning.values()), look.binning().name().toLowerCase(Locale.ROOT));
        context.setTestId(binning, prefix + "-binning");
        auto = new Button(bar, SWT.CHECK);
        auto.setText("Auto contrast");
        auto.setSelection(true);
        context.setTestId(auto, prefix + "-auto-contrast");
        low = new Text(bar, SWT.BORDER);
        high = new Text(bar, SWT.BORDER);
        context.setTestId(low, prefix + "-contrast-low");
        context.setTestId(high, prefix + "-contrast-high");
        Button apply = new Button(bar, SWT.PUSH);
        apply.setText("Apply limits");
        context.setTestId(apply, prefix + "-apply-contrast");
        error = new Label(bar, SWT.NONE);

        colormap.addListener(SWT.Selection, e -> change(look.withColormap(colormap.getText())));
        scale.addListener(SWT.Selection, e -> change(look.withScale(
                Scale.valueOf(scale.getText().toUpperCase(Locale.ROOT)))));
        binning.addListener(SWT.Selection, e -> change(look.withBinning(
                Binning.valueOf(binning.getText().toUpperCase(Locale.ROOT)))));
        auto.addListener(SWT.Selection, e -> {
            if (auto.getSelection()) {
                change(look.withAuto());
            } else {
                applyLimits();
            }
        });
        apply.addListener(SWT.Selection, e -> applyLimits());
    }

    Look look() {
        return look;
    }

    /** Shows the limits a render used (auto contrast computes them). */
    void showLimits(double lowValue, double highValue) {
        if (look.auto()) {
            low.setText(Describe.number(lowValue));
            high.setText(Describe.number(highValue));
        }
    }

    private void applyLimits() {
        try {
            double lo = Double.parseDouble(low.getText().trim());
            double hi = Double.parseDouble(high.getText().trim());
            auto.setSelection(false);
            error.setText("");
            change(look.withLimits(lo, hi));
        } catch (IllegalArgumentException e) {
            error.setText("Limits must be two numbers, low below high");
            error.getParent().layout();
        }
    }

    private void change(Look next) {
        look = next;
        changed.accept(next);
    }

    private static Combo combo(Composite bar, String title, List<String> items, String selected) {
        new Label(bar, SWT.NONE).setText(title);
        Combo combo = new Combo(bar, SWT.READ_ONLY);
        combo.setItems(items.toArray(String[]::new));
        combo.setVisibleItemCount(items.size());
        combo.select(Math.max(0, items.indexOf(selected)));
        return combo;
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
