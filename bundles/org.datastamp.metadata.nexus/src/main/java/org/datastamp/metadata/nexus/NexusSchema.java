package org.datastamp.metadata.nexus;

import java.util.List;

import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.metadata.api.MetadataSchema;
import org.datastamp.metadata.api.SchemaViolation;

/** A NeXus application definition checked by its requirements; subclasses are the DS components that name them. */
abstract class NexusSchema implements MetadataSchema {

    private final DefinitionCheck check;
    private final UnitConverter units;

    NexusSchema(DefinitionCheck check, UnitConverter units) {
        this.check = check;
        this.units = units;
    }

    @Override
    public List<SchemaViolation> validate(List<MetadataEntry> recorded) {
        return check.validate(recorded, units);
    }
}
