package org.datastamp.doi.api;

/**
 * A link from published data to another resource.
 *
 * @param identifier     the other resource's identifier, e.g. a DOI {@code 10.1107/S1600577520000000} or a URL
 * @param identifierType DataCite relatedIdentifierType: {@code DOI}, {@code URL}, {@code Handle}, ...
 * @param relationType   DataCite relationType from this data to the other: {@code IsSupplementTo},
 *                       {@code IsDerivedFrom}, {@code IsCitedBy}, {@code References}, ...
 */
public record RelatedIdentifier(String identifier, String identifierType, String relationType) {

    public RelatedIdentifier {
        if (identifier == null || identifier.isBlank()) {
            throw new IllegalArgumentException("A related identifier needs a value");
        }
        if (identifierType == null || !identifierType.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("Related identifier " + identifier + " needs an identifier type such"
                    + " as DOI or URL, got '" + identifierType + "'");
        }
        if (relationType == null || !relationType.matches("[A-Z][A-Za-z]+")) {
            throw new IllegalArgumentException("Related identifier " + identifier + " needs a relation type such as"
                    + " IsSupplementTo, got '" + relationType + "'");
        }
    }
}
