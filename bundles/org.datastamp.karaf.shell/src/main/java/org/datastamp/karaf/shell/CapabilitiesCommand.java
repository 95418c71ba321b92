package org.datastamp.karaf.shell;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityRegistry;

/** {@code datastamp:capabilities}: the capability services registered now, as a table like Karaf's own lists. */
@Service
@Command(scope = "datastamp", name = "capabilities",
        description = "Lists the capabilities (detectors, control systems, storage tiers, catalogues, ...) registered now")
public class CapabilitiesCommand implements Action {

    // Optional so the command exists while the registry is down and can say so, instead of "command not found".
    @Reference(optional = true)
    private CapabilityRegistry registry;

    @Option(name = "-k", aliases = "--kind", description = "Only capabilities of this kind, e.g. DETECTOR or STORAGE")
    private String kind;

    @Option(name = "--no-format", description = "Plain columns without borders, for scripts")
    private boolean noFormat;

    @Override
    public Object execute() throws Exception {
        if (registry == null) {
            throw new IllegalStateException("The capability registry is not running; check that bundle "
                    + "org.datastamp.core.registry is active (bundle:list | grep datastamp)");
        }
        List<CapabilityInfo> capabilities = registry.capabilities();
        if (kind != null) {
            CapabilityKind wanted = parseKind(kind);
            capabilities = capabilities.stream().filter(c -> c.kind() == wanted).toList();
        }
        CapabilityTable.of(capabilities).print(System.out, !noFormat);
        return null;
    }

    static CapabilityKind parseKind(String text) {
        try {
            return CapabilityKind.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown capability kind '" + text + "'; use one of "
                    + List.of(CapabilityKind.values()), e);
        }
    }
}
