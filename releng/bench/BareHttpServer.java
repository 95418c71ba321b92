import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Baseline for the platform start-up figures: the JDK's own HTTP server answering 200 on one path. Whatever the
 * platform needs beyond this (OSGi framework, SCR, Jetty, RAP, database) is its own start-up and memory cost.
 */
public final class BareHttpServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        server.createContext("/api/capabilities", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
