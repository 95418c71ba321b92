package org.datastamp.ui.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.analytics.api.NotebookSession;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.FacetValue;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Publication;
import org.datastamp.catalog.api.QuerySyntaxException;
import org.datastamp.catalog.api.SearchHit;

/** How the views write sizes, times, metadata and scan progress; plain functions so they are tested alone. */
final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Formats() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Binary units with one decimal above bytes: {@code 512 B}, {@code 1.5 KiB}, {@code 2.0 GiB}. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Rows of the dataset detail's property table: name, value. */
    static List<String[]> properties(DatasetDetail detail) {
        Dataset dataset = detail.dataset();
        NewDataset content = dataset.content();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Id", dataset.id().value()});
        rows.add(new String[] {"Title", content.title()});
        rows.add(new String[] {"Type", content.type().name()});
        rows.add(new String[] {"Instrument", content.instrument()});
        rows.add(new String[] {"Technique", content.technique()});
        rows.add(new String[] {"Proposal", reference(content.proposalId(),
                detail.proposal().map(p -> p.title() + " (PI " + p.principalInvestigator() + ")"))});
        rows.add(new String[] {"Session", reference(content.sessionId(),
                detail.session().map(s -> s.instrument() + ", " + time(s.start()) + " to " + time(s.end())))});
        rows.add(new String[] {"Sample", sample(detail)});
        rows.add(new String[] {"Description", content.description()});
        rows.add(new String[] {"Keywords", String.join(", ", content.keywords())});
        rows.add(new String[] {"Location", content.location()});
        rows.add(new String[] {"Start", time(content.startTime())});
        rows.add(new String[] {"End", time(content.endTime())});
        rows.add(new String[] {"Recorded", time(dataset.created())});
        rows.add(new String[] {"Size", size(dataset.size()) + " in " + content.files().size() + " file(s)"});
        rows.add(new String[] {"Lifecycle", lifecycle(dataset.lifecycle())});
        rows.add(new String[] {"Public from", time(dataset.access().publicFrom())});
        rows.add(new String[] {"DOI", dataset.doi()});
        return rows;
    }

    /** {@code online, archived; tiers hot-disk, tape}. */
    static String lifecycle(Lifecycle lifecycle) {
        return (lifecycle.online() ? "online" : "offline (recall needed)")
                + (lifecycle.archived() ? ", archived" : ", not archived")
                + (lifecycle.tiers().isEmpty() ? "" : "; tiers " + String.join(", ", lifecycle.tiers()));
    }

    /** Where a query went wrong, for the line under the search box. */
    static String queryError(QuerySyntaxException e) {
        return "Query error at position " + e.position() + ": " + e.reason();
    }

    /** A result row: title, instrument, proposal, technique, start, size. */
    static String[] hit(SearchHit hit) {
        return new String[] {hit.title(), hit.instrument(), hit.proposalId(), hit.technique(), time(hit.startTime()),
            size(hit.size())};
    }

    /** {@code CoSAXS (12)}. */
    static String facetValue(FacetValue value) {
        return value.value() + " (" + value.count() + ")";
    }

    private static String reference(String id, Optional<String> description) {
        if (id.isEmpty()) {
            return "";
        }
        return description.map(d -> id + ": " + d).orElse(id);
    }

    private static String sample(DatasetDetail detail) {
        NewDataset content = detail.dataset().content();
        if (detail.sample().isPresent()) {
            var sample = detail.sample().get();
            return sample.name() + " (" + sample.id() + ")"
                    + (sample.description().isEmpty() ? "" : ": " + sample.description());
        }
        if (!content.sampleId().isEmpty()) {
            return content.sampleName().isEmpty() ? content.sampleId()
                    : content.sampleName() + " (" + content.sampleId() + ")";
        }
        return content.sampleName();
    }

    /** Name, value, unit; lists are written as {@code [a, b, c]}. */
    static String[] metadata(MetadataEntry entry) {
        return new String[] {entry.name(), value(entry.value()), entry.unit()};
    }

    /** Path, size, checksum as {@code SHA-256:ab12...}. */
    static String[] file(Datafile file) {
        return new String[] {file.path(), size(file.size()), file.checksumAlgorithm() + ":" + file.checksum()};
    }

    /** A file row for a markup table: the path links to the file's download (resumable, through the REST API). */
    static String[] fileWithLink(DatasetId id, Datafile file) {
        String[] plain = file(file);
        return new String[] {Markup.link(fileUrl(id, file.path()), file.path()), Markup.escape(plain[1]),
                Markup.escape(plain[2])};
    }

    /**
     * The dataset pane's "get the data" line, as markup: the whole dataset as a ZIP, the DOI landing page, and the
     * publications that cite it (each to its DOI resolver page). Public data needs no sign-in; other downloads ask
     * the REST API's credentials.
     */
    static String accessLinks(DatasetDetail detail) {
        Dataset dataset = detail.dataset();
        List<String> links = new ArrayList<>();
        links.add(Markup.link("download-zip", "/api/v1/datasets/" + segment(dataset.id().value()) + "/download",
                "Download all (ZIP, " + size(dataset.size()) + ")"));
        if (!dataset.doi().isBlank()) {
            links.add(Markup.link("landing-page", "/doi/" + dataset.doi(), "Landing page (doi:" + dataset.doi() + ")"));
        }
        for (Publication publication : detail.publications()) {
            links.add(Markup.link("publication-" + publication.doi(), "https://doi.org/" + publication.doi(),
                    "Publication: " + publication.title() + " (" + publication.year() + ")"));
        }
        return String.join("  \u00b7  ", links);
    }

    /** Where opening a dataset in a notebook is, as markup: a link to the notebook once it is ready. */
    static String notebook(NotebookSession session) {
        return switch (session.state()) {
            case READY -> Markup.link("notebook-link", session.notebookUrl(), "Open the notebook") + " (on "
                    + Markup.escape(session.user()) + "'s notebook server)";
            case SPAWNING -> Markup.escape("Starting your notebook server: " + session.progress() + " %"
                    + (session.message().isBlank() ? "" : ", " + session.message()));
            case RECALLING -> Markup.escape("Recalling the data from tape first: " + session.message());
            case FAILED -> Markup.escape("Could not open a notebook: " + session.message());
        };
    }

    /** The REST URL of one file of a dataset, each path segment encoded. */
    static String fileUrl(DatasetId id, String path) {
        StringBuilder url = new StringBuilder("/api/v1/datasets/").append(segment(id.value())).append("/files");
        for (String part : path.split("/")) {
            url.append('/').append(segment(part));
        }
        return url.toString();
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One line on a scan: {@code scan-000003 RUNNING: 4 of 10 frames}, then the dataset or the error. */
    static String scan(ScanStatus status) {
        String progress = status.id() + " " + status.state() + ": " + status.framesWritten() + " of "
                + status.request().frameCount() + " frames"
                + (status.framesDropped() > 0 ? " (" + status.framesDropped() + " dropped)" : "");
        if (status.state() == ScanState.COMPLETED && status.dataset().isPresent()) {
            return progress + ", dataset " + status.dataset().get();
        }
        if (status.state() == ScanState.FAILED) {
            return progress + ", failed: " + status.error().orElse("no reason given");
        }
        return progress;
    }

    static boolean finished(ScanStatus status) {
        return status.state() == ScanState.COMPLETED || status.state() == ScanState.FAILED;
    }

    /**
     * Reads the frame count field.
     *
     * @throws IllegalArgumentException with a message for the status line
     */
    static int frameCount(String text, int max) {
        String trimmed = text == null ? "" : text.strip();
        try {
            int frames = Integer.parseInt(trimmed);
            if (frames >= 1 && frames <= max) {
                return frames;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException("Frames must be a whole number from 1 to " + max + ", not '" + trimmed + "'");
    }

    private static String value(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
