#!/usr/bin/env python3
"""SSE fan-out: N clients hold the devices stream open at once; each must receive the
topic's current state (the device list), and the spread of those receipts is measured.
Usage: sse_fanout.py URL TOKEN N"""
import socket
import sys
import time
import urllib.parse


def main(url, token, n):
    u = urllib.parse.urlparse(url)
    auth = {"Authorization": "Bearer " + token, "Host": u.netloc}
    # A topic every client can read: the device list stream (published on each change).
    socks = []
    for _ in range(n):
        s = socket.create_connection((u.hostname, u.port))
        s.sendall(("GET /api/v1/devices/events HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n\r\n"
                   % (u.netloc, token)).encode())
        socks.append(s)
    start = time.monotonic()
    got = []
    for s in socks:
        s.settimeout(10)
        buf = b""
        while b"\r\n\r\n" not in buf:
            buf += s.recv(4096)
        if not buf.startswith(b"HTTP/1.1 200"):
            sys.exit("stream refused: " + buf.split(b"\r\n")[0].decode())
        buf = buf.split(b"\r\n\r\n", 1)[1]
        # The device list is the topic's state: each new subscriber gets it at once.
        while b"\n\n" not in buf:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
        got.append(time.monotonic() - start)
    print("%d clients streaming at once; all received the device list; the last %.1f ms after connecting"
          % (len(got), max(got) * 1000))
    for s in socks:
        s.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
