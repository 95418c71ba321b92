package org.datastamp.visualization.api;

import java.util.List;
import java.util.Objects;

/**
 * The plot a NeXus file asks for: {@code @default} followed from the root to an {@code NXdata} group, its
 * {@code @signal} dataset and {@code @axes}.
 *
 * @param group  path of the NXdata group
 * @param signal path of the signal dataset
 * @param axes   path of the axis dataset for each dimension of the signal, empty string where {@code "."}
 * @param title  the entry's or group's title, empty if none
 */
public record DefaultPlot(String group, String signal, List<String> axes, String title) {

    public DefaultPlot {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(signal, "signal");
        axes = List.copyOf(axes);
        title = title == null ? "" : title;
    }
}
