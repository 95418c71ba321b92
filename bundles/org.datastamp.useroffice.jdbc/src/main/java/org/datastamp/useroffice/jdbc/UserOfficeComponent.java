package org.datastamp.useroffice.jdbc;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.useroffice.api.UserOffice;
import org.datastamp.useroffice.api.UserOfficeImporter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The user office on the catalogue's database; importers are plugins that may come and go. */
@Component(service = UserOffice.class)
public class UserOfficeComponent extends JdbcUserOffice {

    private final List<UserOfficeImporter> importers;

    @Activate
    public UserOfficeComponent(@Reference(target = "(datastamp.database=catalog)") DataSource dataSource,
            @Reference FacilityDirectory directory) {
        this(dataSource, directory, new CopyOnWriteArrayList<>());
    }

    private UserOfficeComponent(DataSource dataSource, FacilityDirectory directory,
            CopyOnWriteArrayList<UserOfficeImporter> importers) {
        super(dataSource, directory, () -> List.copyOf(importers), Clock.systemUTC());
        this.importers = importers;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addImporter(UserOfficeImporter importer) {
        importers.add(importer);
    }

    void removeImporter(UserOfficeImporter importer) {
        importers.remove(importer);
    }
}
