package org.datastamp.storage.lifecycle;

import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lifecycle policy per factory configuration ({@code etc/org.datastamp.storage.lifecycle.policy-NAME.cfg}). An
 * invalid configuration still registers, carrying its error, so the engine skips it and REST and the shell show why.
 */
@Component(service = ConfiguredPolicy.class, configurationPid = PolicyParser.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PolicyComponent.Config.class, factory = true)
public class PolicyComponent implements ConfiguredPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyComponent.class);

    @ObjectClassDefinition(name = "DataSTaMP lifecycle policy",
            description = "Where a scope's datasets are kept, when they move, and how many verified copies they keep")
    public @interface Config {

        @AttributeDefinition(description = "all, instrument:<id> or proposal:<id>")
        String scope() default "all";

        @AttributeDefinition(description = "Backend datasets are ingested on")
        String hotTier() default "hot-disk";

        @AttributeDefinition(description = "Backend datasets move to (empty: none)")
        String moveTo() default "";

        @AttributeDefinition(description = "Move after this many days without access (0: not by age)")
        int moveAfterDaysWithoutAccess() default 0;

        @AttributeDefinition(description = "Move, least recently used first, while the hot tier is fuller than"
                + " this percentage (0: not by fill)")
        double moveWhenHotAbovePercent() default 0;

        @AttributeDefinition(description = "Backends that keep a copy from ingest on, comma separated")
        String keepCopyOn() default "";

        @AttributeDefinition(description = "Verified copies every dataset keeps; a copy is released only while this"
                + " many others remain")
        int minVerifiedCopies() default 2;

        @AttributeDefinition(description = "Count two copies on the same kind of medium once")
        boolean distinctMedia() default true;

        @AttributeDefinition(description = "ocfl (an OCFL object per dataset) or plain, for copies off the hot disk")
        String packageFormat() default "ocfl";
    }

    private volatile String name = "unnamed";
    private volatile Optional<Policy> policy = Optional.empty();
    private volatile String error = "";

    @Activate
    @Modified
    public void configure(Map<String, Object> properties) {
        name = PolicyParser.nameOf(properties);
        try {
            policy = Optional.of(PolicyParser.parse(properties));
            error = "";
            LOG.info("Lifecycle policy {}: {}", name, policy.get().summary());
        } catch (InvalidPolicyException e) {
            policy = Optional.empty();
            error = e.getMessage();
            LOG.error("{}; the policy is ignored until its file is fixed", e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Policy> policy() {
        return policy;
    }

    @Override
    public String error() {
        return error;
    }
}
