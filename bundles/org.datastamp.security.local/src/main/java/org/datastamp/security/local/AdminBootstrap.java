package org.datastamp.security.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Role;
import org.datastamp.core.api.DataDirectory;
import org.datastamp.security.api.AuthenticationException;
import org.datastamp.security.api.LocalAccounts;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a fresh installation a way in: when no {@code admin} account with a password exists, creates it with a random
 * password written to {@code <data dir>/admin-password}, readable by its owner only. Once the account has a
 * password this does nothing, so a changed password is never overwritten.
 */
@Component(configurationPid = AdminBootstrap.PID)
@Designate(ocd = AdminBootstrap.Config.class)
public class AdminBootstrap {

    static final String PID = "org.datastamp.security.local";
    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "admin-password";

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    @ObjectClassDefinition(name = "DataSTaMP local accounts", description = "Accounts kept by DataSTaMP itself")
    public @interface Config {

        @AttributeDefinition(description = "On start, when no 'admin' account with a password exists, create it"
                + " with a random password written to <datastamp.data.dir>/" + PASSWORD_FILE)
        boolean bootstrapAdmin() default true;
    }

    private final FacilityDirectory directory;
    private final LocalAccounts accounts;
    private final SecureRandom random;

    @Activate
    public AdminBootstrap(@Reference(name = "directory") FacilityDirectory directory,
            @Reference(name = "accounts") LocalAccounts accounts, Config config,
            BundleContext context) throws CatalogException, AuthenticationException, IOException {
        this(directory, accounts, new SecureRandom());
        if (config.bootstrapAdmin()) {
            bootstrap(DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY)).root());
        }
    }

    AdminBootstrap(FacilityDirectory directory, LocalAccounts accounts, SecureRandom random) {
        this.directory = directory;
        this.accounts = accounts;
        this.random = random;
    }

    /**
     * Creates the admin account if it has no password yet.
     *
     * @return the file holding the new password, or empty when the account already had one
     */
    Optional<Path> bootstrap(Path dataDirectory) throws CatalogException, AuthenticationException, IOException {
        if (directory.passwordHash(ADMIN).isPresent()) {
            return Optional.empty();
        }
        ensureAdminPerson();
        String password = randomPassword();
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        // Written beside its final place first, so that a failure leaves neither a file nor a password nobody knows.
        Path pending = writeOwnerOnly(dataDirectory, password);
        try {
            accounts.setPassword(ADMIN, password);
            Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(pending);
        }
        LOG.warn("Created the administrator account '{}'; its initial password is in {} (readable by its owner only)."
                + " Log in, change the password and delete the file", ADMIN, file);
        return Optional.of(file);
    }

    private void ensureAdminPerson() throws CatalogException {
        Optional<Person> existing = directory.person(ADMIN);
        if (existing.isEmpty()) {
            directory.savePerson(new Person(ADMIN, "Administrator", "", "", "", Set.of(Role.ADMIN), Set.of()));
        } else if (!existing.get().roles().contains(Role.ADMIN)) {
            Person person = existing.get();
            EnumSet<Role> roles = EnumSet.of(Role.ADMIN);
            roles.addAll(person.roles());
            directory.savePerson(new Person(person.username(), person.fullName(), person.email(), person.orcid(),
                    person.affiliation(), roles, person.staffOf()));
            LOG.warn("Person '{}' existed without the ADMIN role; the role was added", ADMIN);
        }
    }

    private String randomPassword() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path writeOwnerOnly(Path directory, String password) throws IOException {
        Files.createDirectories(directory);
        Path pending;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            pending = Files.createTempFile(directory, PASSWORD_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            pending = Files.createTempFile(directory, PASSWORD_FILE, ".tmp");
        }
        Files.writeString(pending, password + System.lineSeparator(), StandardCharsets.UTF_8);
        return pending;
    }
}
