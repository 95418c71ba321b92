package org.datastamp.karaf.rap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.http.HttpService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RapHttpServiceBridgeTest {

    private static final Bundle RAP = bundle(RapHttpServiceBridge.RAP_OSGI);
    private static final Bundle WORKBENCH = bundle("org.datastamp.ui.workbench");
    private static final ServiceReference<?> PAX_WEB = reference(Map.of("objectClass",
            new String[] {HttpService.class.getName(), "org.ops4j.pax.web.service.WebContainer"}));
    private static final ServiceReference<?> BRIDGED = reference(Map.of("objectClass",
            new String[] {HttpService.class.getName()}, RapHttpServiceBridge.BRIDGED, Boolean.TRUE));
    private static final ServiceReference<?> OTHER = reference(Map.of("objectClass", new String[] {"java.lang.Runnable"}));

    @Test
    void rapSeesOnlyTheBridgedHttpService() {
        assertTrue(RapHttpServiceBridge.hiddenFromRap(RAP, PAX_WEB));
        assertFalse(RapHttpServiceBridge.hiddenFromRap(RAP, BRIDGED));
        assertFalse(RapHttpServiceBridge.hiddenFromRap(RAP, OTHER));
    }

    @Test
    void everyOtherBundleSeesPaxWebAsBefore() {
        assertFalse(RapHttpServiceBridge.hiddenFromRap(WORKBENCH, PAX_WEB));
        assertFalse(RapHttpServiceBridge.hiddenFromRap(null, PAX_WEB));
    }

    @Test
    void servletsOfOneClassGetNamesUniquePerAlias() {
        assertEquals("rap:/servlet_context_finder",
                RapAdaptedHttpService.named("/servlet_context_finder", null).get("servlet-name"));
        assertEquals("rap:/workbench", RapAdaptedHttpService.named("/workbench", null).get("servlet-name"));
    }

    @Test
    void aNameTheCallerGaveIsKept() {
        Dictionary<String, String> given = new Hashtable<>(Map.of("servlet-name", "mine"));

        assertEquals("mine", RapAdaptedHttpService.named("/x", given).get("servlet-name"));
    }

    @Test
    void otherInitParametersPassThroughAndTheCallersDictionaryIsLeftAlone() {
        Dictionary<String, String> given = new Hashtable<>(Map.of("debug", "true"));

        Dictionary<String, Object> named = RapAdaptedHttpService.named("/x", given);

        assertEquals("true", named.get("debug"));
        assertEquals("rap:/x", named.get("servlet-name"));
        assertEquals(1, given.size());
    }

    @Test
    void anAbsoluteResourceFolderIsPassedAsFileUrlAndAnythingElseUnchanged(@TempDir Path folder) {
        assertEquals(folder.toUri().toString(), RapAdaptedHttpService.resourceBase(folder.toString()));
        assertEquals("/no/such/folder", RapAdaptedHttpService.resourceBase("/no/such/folder"));
        assertEquals("static", RapAdaptedHttpService.resourceBase("static"));
    }

    private static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> method.getName().equals("getSymbolicName") ? symbolicName : null);
    }

    private static ServiceReference<?> reference(Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> method.getName().equals("getProperty") ? properties.get(args[0]) : null);
    }
}
