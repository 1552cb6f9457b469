package org.sharedagreements.app.faults;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy on loopback between the service and PostgreSQL that a test can cut (every connection dropped, new
 * ones refused) and restore, like a database restarting at night.
 * <p>
 * It can also lose the answer to a commit: once {@linkplain #loseTheAnswerToTheNextEventCommit() armed}, it lets
 * through the {@code COMMIT} of the next transaction that inserted into {@code domain_event_entry}, waits until
 * PostgreSQL answers it (so the commit has happened), and then cuts every connection before that answer reaches
 * the service. To see which statements a connection runs it follows the client's side of PostgreSQL's wire
 * protocol: simple queries, and Parse (statement name and SQL) and Bind (which statement runs) of the extended
 * protocol, which the JDBC driver uses for everything, its prepared statements and COMMIT included.
 */
final class TcpProxy implements AutoCloseable {

    /** The untyped requests a client may send before its StartupMessage; each is answered by one byte. */
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENCRYPTION_REQUEST = 80877104;

    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile boolean answerLost;
    private volatile boolean cut;
    private volatile boolean closed;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tcp-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    void restore() {
        cut = false;
    }

    /** Arms the trap: the answer to the next commit of a transaction that appended an event is lost. */
    void loseTheAnswerToTheNextEventCommit() {
        answerLost = false;
        armed.set(true);
    }

    /** Whether the armed trap caught a commit: it happened, its answer never reached the service, all is cut. */
    boolean answerLost() {
        return answerLost;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                open.add(client);
                open.add(upstream);
                Session session = new Session();
                pipe(client, upstream, session::forwardRequests);
                pipe(upstream, client, session::forwardAnswers);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private interface Forwarding {
        void forward(InputStream in, OutputStream out) throws IOException;
    }

    private void pipe(Socket from, Socket to, Forwarding forwarding) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                forwarding.forward(in, out);
            } catch (IOException ignored) {
                // the other side or the test closed the connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    /** One connection: what its client runs, and whether PostgreSQL's next answer on it is to be lost. */
    private final class Session {

        /** The SQL of the connection's prepared statements by name ("" is the unnamed one). */
        private final Map<String, String> statements = new HashMap<>();
        private boolean appendedEvent;
        private volatile boolean loseAnswers;

        void forwardRequests(InputStream client, OutputStream server) throws IOException {
            DataInputStream in = new DataInputStream(new BufferedInputStream(client));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(server));
            int code;
            do {
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                out.writeInt(length);
                out.write(body);
                out.flush();
                code = ByteBuffer.wrap(body).getInt();
            } while (code == SSL_REQUEST || code == GSS_ENCRYPTION_REQUEST);
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (body.length != length - 4) {
                    throw new EOFException("the client closed the connection mid-message");
                }
                // decided before the message goes on, so the answer cannot overtake the decision
                inspect((char) type, body);
                out.write(type);
                out.writeInt(length);
                out.write(body);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        }

        void forwardAnswers(InputStream server, OutputStream client) throws IOException {
            byte[] buffer = new byte[16384];
            int n;
            while ((n = server.read(buffer)) >= 0) {
                if (loseAnswers) {
                    // PostgreSQL has answered the commit, so it is done; the service never hears of it
                    answerLost = true;
                    cut();
                    return;
                }
                client.write(buffer, 0, n);
                client.flush();
            }
        }

        private void inspect(char type, byte[] body) {
            if (type == 'Q') {
                ran(cString(body, 0));
            } else if (type == 'P') {
                String name = cString(body, 0);
                statements.put(name, cString(body, name.getBytes(StandardCharsets.UTF_8).length + 1));
            } else if (type == 'B') {
                String portal = cString(body, 0);
                ran(statements.get(cString(body, portal.getBytes(StandardCharsets.UTF_8).length + 1)));
            }
        }

        private void ran(String sql) {
            if (sql == null) {
                return;
            }
            String statement = sql.trim().toUpperCase(Locale.ROOT);
            if (statement.startsWith("INSERT INTO DOMAIN_EVENT_ENTRY")) {
                appendedEvent = true;
            } else if (statement.equals("COMMIT")) {
                if (appendedEvent && armed.compareAndSet(true, false)) {
                    loseAnswers = true;
                }
                appendedEvent = false;
            } else if (statement.equals("BEGIN") || statement.equals("ROLLBACK")) {
                appendedEvent = false;
            }
        }

        private static String cString(byte[] body, int from) {
            int end = from;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            return new String(body, from, end - from, StandardCharsets.UTF_8);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        cut();
        server.close();
    }
}
