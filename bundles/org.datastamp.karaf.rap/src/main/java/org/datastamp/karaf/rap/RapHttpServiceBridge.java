package org.datastamp.karaf.rap;

import java.util.Collection;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.HttpService;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hides Pax Web's HttpService from RAP's OSGi integration and offers it a {@link RapAdaptedHttpService} in its
 * place, one per HttpService. Must start before rwt.osgi (the datastamp-ui feature gives it a lower start level), or
 * rwt.osgi has already tried, and failed, on the real one.
 */
@Component(immediate = true)
public class RapHttpServiceBridge {

    static final String RAP_OSGI = "org.eclipse.rap.rwt.osgi";
    /** Service property marking our replacements, so they are neither hidden nor wrapped again. */
    static final String BRIDGED = "datastamp.rap.bridged";

    private static final Logger LOG = LoggerFactory.getLogger(RapHttpServiceBridge.class);

    private ServiceRegistration<?> hooks;
    private ServiceTracker<HttpService, ServiceRegistration<HttpService>> tracker;

    @Activate
    void activate(BundleContext context) {
        hooks = context.registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()},
                new HidingHooks(), null);
        tracker = new ServiceTracker<>(context, HttpService.class, null) {
            @Override
            public ServiceRegistration<HttpService> addingService(ServiceReference<HttpService> reference) {
                return isBridged(reference) ? null : offer(context, reference);
            }

            @Override
            public void removedService(ServiceReference<HttpService> reference,
                    ServiceRegistration<HttpService> replacement) {
                replacement.unregister();
                LOG.info("Withdrew the RAP HttpService for service {}", reference.getProperty("service.id"));
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        hooks.unregister();
    }

    private static ServiceRegistration<HttpService> offer(BundleContext context, ServiceReference<HttpService> real) {
        Hashtable<String, Object> properties = new Hashtable<>();
        for (String key : real.getPropertyKeys()) {
            if (!key.equals("service.id") && !key.equals("service.pid") && !key.equals("objectClass")) {
                properties.put(key, real.getProperty(key));
            }
        }
        properties.put(BRIDGED, Boolean.TRUE);
        ServiceRegistration<HttpService> registration = context.registerService(HttpService.class,
                new ServiceFactory<HttpService>() {
                    // The real HttpService is per bundle: take it in the name of the bundle that asks (rwt.osgi),
                    // so its servlets, resources and default HttpContext are its own, as without this bridge.
                    @Override
                    public HttpService getService(Bundle bundle, ServiceRegistration<HttpService> registration) {
                        HttpService service = bundle.getBundleContext().getService(real);
                        return service == null ? null : new RapAdaptedHttpService(service);
                    }

                    @Override
                    public void ungetService(Bundle bundle, ServiceRegistration<HttpService> registration,
                            HttpService service) {
                        BundleContext user = bundle.getBundleContext();
                        if (user == null) {
                            return; // the bundle is stopping: the framework releases all it used, the real one too
                        }
                        try {
                            user.ungetService(real);
                        } catch (IllegalStateException stopping) {
                            // same: its context has just become invalid
                        }
                    }
                }, properties);
        LOG.info("Offered RAP an HttpService that names servlets, for service {}", real.getProperty("service.id"));
        return registration;
    }

    static boolean isBridged(ServiceReference<?> reference) {
        return Boolean.TRUE.equals(reference.getProperty(BRIDGED));
    }

    /** True for an HttpService RAP must not see: Pax Web's own. */
    static boolean hiddenFromRap(Bundle looking, ServiceReference<?> reference) {
        if (looking == null || !RAP_OSGI.equals(looking.getSymbolicName()) || isBridged(reference)) {
            return false;
        }
        Object classes = reference.getProperty("objectClass");
        if (classes instanceof String[] names) {
            for (String name : names) {
                if (HttpService.class.getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class HidingHooks implements FindHook, EventListenerHook {

        @Override
        public void find(BundleContext context, String name, String filter, boolean allServices,
                Collection<ServiceReference<?>> references) {
            references.removeIf(reference -> hiddenFromRap(context.getBundle(), reference));
        }

        @Override
        public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
            listeners.keySet().removeIf(context -> hiddenFromRap(context.getBundle(), event.getServiceReference()));
        }
    }
}
