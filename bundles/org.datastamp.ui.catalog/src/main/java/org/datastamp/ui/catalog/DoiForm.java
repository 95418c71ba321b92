package org.datastamp.ui.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.Subject;

/**
 * The DOI request form's texts and the metadata they stand for. Properties the form does not show (publisher,
 * dates, related identifiers, licence, subject schemes) are kept from the metadata the catalogue proposed.
 */
record DoiForm(String datasets, String title, String creators, String description, String keywords, String year) {

    static DoiForm of(List<DatasetId> datasets, DoiMetadata m) {
        return new DoiForm(String.join(", ", datasets.stream().map(DatasetId::value).toList()), m.title(),
                CreatorLines.format(m.creators()), m.description(),
                String.join(", ", m.subjects().stream().map(Subject::value).toList()),
                Integer.toString(m.publicationYear()));
    }

    /**
     * @throws IllegalArgumentException naming the field at fault
     */
    static List<DatasetId> datasetIds(String text) {
        List<DatasetId> ids = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                try {
                    ids.add(new DatasetId(part.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Datasets: " + e.getMessage(), e);
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("Datasets: give the ids of the datasets to publish, e.g. from the"
                    + " Datasets tab");
        }
        return ids;
    }

    /**
     * The metadata to request: the proposal with this form's texts.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    DoiMetadata apply(DoiMetadata proposed) {
        int publicationYear;
        try {
            publicationYear = Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Year: '" + year + "' is not a year", e);
        }
        List<Subject> subjects = new ArrayList<>();
        for (String word : Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList()) {
            subjects.add(proposed.subjects().stream().filter(s -> s.value().equals(word)).findFirst()
                    .orElse(Subject.keyword(word)));
        }
        try {
            return new DoiMetadata(CreatorLines.parse(creators), title.strip(), proposed.publisher(),
                    proposed.publisherRor(), publicationYear, description.strip(), subjects, proposed.dates(),
                    proposed.relatedIdentifiers(), proposed.rights(), "");
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("Creators") ? e : new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
