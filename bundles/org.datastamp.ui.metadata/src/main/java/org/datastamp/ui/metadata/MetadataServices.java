package org.datastamp.ui.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.metadata.api.MetadataConfigurationException;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.datastamp.metadata.api.MetadataSchema;

/** What the view reads from the services, each call seeing the services registered now. */
final class MetadataServices {

    /** A variable a control system offers, with the connector's name for the browser. */
    record OfferedVariable(String connector, ControlVariable variable) {
    }

    private final MetadataConfigurations configurations;
    private final Supplier<FacilityDirectory> directory;
    private final List<ControlSystemConnector> connectors;
    private final List<MetadataSchema> schemas;

    MetadataServices(MetadataConfigurations configurations, Supplier<FacilityDirectory> directory,
            List<ControlSystemConnector> connectors, List<MetadataSchema> schemas) {
        this.configurations = configurations;
        this.directory = directory;
        this.connectors = connectors;
        this.schemas = schemas;
    }

    MetadataConfigurations configurations() {
        return configurations;
    }

    /** The directory's instruments and those that already have a configuration, sorted. */
    List<String> instruments() throws MetadataConfigurationException, CatalogException {
        TreeSet<String> ids = new TreeSet<>(configurations.instruments());
        FacilityDirectory current = directory.get();
        if (current != null) {
            current.instruments().stream().map(Instrument::id).forEach(ids::add);
        }
        return List.copyOf(ids);
    }

    /** The session user's rights; without a directory nobody's rights are known, so nobody may save. */
    Viewer viewer(String user) throws CatalogException {
        FacilityDirectory current = directory.get();
        return current == null || user.isEmpty() ? Viewer.anonymous() : current.viewer(user);
    }

    List<OfferedVariable> offered() {
        List<OfferedVariable> offered = new ArrayList<>();
        for (ControlSystemConnector connector : connectors) {
            connector.variables().forEach(v -> offered.add(new OfferedVariable(connector.displayName(), v)));
        }
        return offered;
    }

    List<String> definitions() {
        TreeSet<String> names = new TreeSet<>();
        schemas.forEach(s -> names.add(s.definition()));
        return List.copyOf(names);
    }
}
