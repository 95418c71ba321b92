package org.datastamp.ui.analytics;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.JobRequest;
import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.catalog.api.DatasetId;

/**
 * What the jobs view reads from and shows in its widgets, free of SWT: the request a filled-in form makes, and a job
 * as table cells. The job service checks the values; the form sends only what the user changed from the defaults.
 */
final class JobForm {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private JobForm() {
    }

    /**
     * The request of a filled-in form.
     *
     * @param values     each parameter's text as the form shows it
     * @param inputsText dataset ids separated by commas, spaces or new lines
     * @throws IllegalArgumentException naming what to fix (no input, an id that cannot be one)
     */
    static JobRequest request(PluginDescription plugin, Map<String, String> values, String inputsText, String title) {
        List<DatasetId> inputs = new ArrayList<>();
        for (String id : inputsText.strip().split("[\\s,;]+")) {
            if (!id.isEmpty()) {
                inputs.add(new DatasetId(id));
            }
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (ParameterSpec spec : plugin.parameters()) {
            String value = values.getOrDefault(spec.name(), "").strip();
            if (!value.isEmpty() && (spec.required() || !value.equals(spec.defaultValue()))) {
                given.put(spec.name(), value);
            }
        }
        return new JobRequest(plugin.id(), inputs, given, title.strip());
    }

    /** A parameter's label: its name, unit and whether it must be given. */
    static String label(ParameterSpec spec) {
        return spec.name() + (spec.unit().isEmpty() ? "" : " (" + spec.unit() + ")") + (spec.required() ? " *" : "");
    }

    /** Job, plugin, state, progress, message, submitted, output. */
    static String[] cells(AnalysisJob job) {
        return new String[] {job.id(), job.request().pluginId() + " " + job.pluginVersion(), job.state().name(),
                Math.round(job.progress() * 100) + " %", job.message(), TIME.format(job.submitted()),
                job.output().map(DatasetId::value).orElse("")};
    }
}
