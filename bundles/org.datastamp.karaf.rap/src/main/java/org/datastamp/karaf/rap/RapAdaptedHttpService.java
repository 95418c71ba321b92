package org.datastamp.karaf.rap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;

import javax.servlet.Servlet;
import javax.servlet.ServletException;

import org.osgi.service.http.HttpContext;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;

/**
 * Pax Web's HttpService as rwt.osgi needs it: every servlet registered without a name gets the name
 * {@code rap:<alias>}, and a resource folder given as an absolute path is handed over as a {@code file:} URL.
 */
final class RapAdaptedHttpService implements HttpService {

    /** The init parameter Pax Web takes a servlet's name from when registered through the HttpService. */
    static final String SERVLET_NAME = "servlet-name";

    private final HttpService delegate;

    RapAdaptedHttpService(HttpService delegate) {
        this.delegate = delegate;
    }

    @Override
    @SuppressWarnings("rawtypes") // the HttpService 1.2 signature
    public void registerServlet(String alias, Servlet servlet, Dictionary initparams, HttpContext context)
            throws ServletException, NamespaceException {
        delegate.registerServlet(alias, servlet, named(alias, initparams), context);
    }

    @Override
    public void registerResources(String alias, String name, HttpContext context) throws NamespaceException {
        delegate.registerResources(alias, resourceBase(name), context);
    }

    @Override
    public void unregister(String alias) {
        delegate.unregister(alias);
    }

    @Override
    public HttpContext createDefaultHttpContext() {
        return delegate.createDefaultHttpContext();
    }

    /** A copy of {@code initparams} with a servlet name unique per alias, unless the caller chose one. */
    static Dictionary<String, Object> named(String alias, Dictionary<?, ?> initparams) {
        Hashtable<String, Object> result = new Hashtable<>();
        if (initparams != null) {
            for (Enumeration<?> keys = initparams.keys(); keys.hasMoreElements();) {
                Object key = keys.nextElement();
                result.put(String.valueOf(key), initparams.get(key));
            }
        }
        result.putIfAbsent(SERVLET_NAME, "rap:" + alias);
        return result;
    }

    /**
     * RAP names its resource folder (rwt-resources, unpacked in its bundle data area) by absolute path. Pax Web 8
     * serves a {@code file:} URL of a directory straight from disk, but strips the leading slash of a bare path and
     * asks the HttpContext for the now relative name, which RAP's context resolves against the working directory: 404.
     */
    static String resourceBase(String name) {
        if (name != null && name.startsWith("/") && Files.isDirectory(Path.of(name))) {
            return Path.of(name).toUri().toString();
        }
        return name;
    }
}
