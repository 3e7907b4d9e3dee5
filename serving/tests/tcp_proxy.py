"""A TCP relay between the site and its PostgreSQL that a test can cut and restore: a database outage without
stopping the shared server.

Cut: the port stops listening (new connections are refused, as by a stopped server) and every relayed
connection is closed (as when the server goes away under its clients). Restore: the same port listens again.
"""

import contextlib
import socket
import threading


class TcpProxy:
    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = None
        self._listener = None
        self._connections = set()
        self._lock = threading.Lock()
        self.restore()

    def restore(self):
        self._listener = socket.create_server(("127.0.0.1", self.port or 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def cut(self):
        self._close(self._listener)
        with self._lock:
            connections, self._connections = self._connections, set()
        for connection in connections:
            self._close(connection)

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                if listener.fileno() == -1:
                    return  # cut
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                self._close(client)
                continue
            upstream.settimeout(None)
            with self._lock:
                self._connections |= {client, upstream}
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            self._close(source)
            self._close(sink)

    @staticmethod
    def _close(sock):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
