#!/usr/bin/env python3
"""A gRPC server on 127.0.0.1 for Sonde's grpc tests and benchmark (grpcio, grpcio-health-checking).

Prints "listening on PORT" once it serves. Then reads commands on stdin, one per line, and
answers each on stdout once it has taken effect:
    set SERVICE STATUS    ->  "status SERVICE STATUS"   (SERVICE "-" is the server as a whole;
                                                          STATUS SERVING, NOT_SERVING, ...)
It exits when stdin closes.

    --port N            0 (the default) takes a free port
    --cert F --key F    TLS (HTTP/2 by ALPN) with this certificate
    --client-ca F       with TLS, require a client certificate signed by this CA (mutual TLS)
    --no-health         no health service at all: Health/Check answers UNIMPLEMENTED
    --serve NAME        start with NAME SERVING (repeatable)
"""
import argparse
import sys
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--client-ca")
    parser.add_argument("--no-health", action="store_true")
    parser.add_argument("--serve", action="append", default=[])
    args = parser.parse_args()

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    servicer = None
    if not args.no_health:
        servicer = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(servicer, server)
        servicer.set("", health_pb2.HealthCheckResponse.SERVING)
        for name in args.serve:
            servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    address = f"127.0.0.1:{args.port}"
    if args.cert:
        with open(args.key, "rb") as key, open(args.cert, "rb") as cert:
            pair = [(key.read(), cert.read())]
        if args.client_ca:
            with open(args.client_ca, "rb") as ca:
                credentials = grpc.ssl_server_credentials(pair, root_certificates=ca.read(), require_client_auth=True)
        else:
            credentials = grpc.ssl_server_credentials(pair)
        port = server.add_secure_port(address, credentials)
    else:
        port = server.add_insecure_port(address)
    if port == 0:
        print(f"cannot bind {address}", flush=True)
        sys.exit(1)
    server.start()
    print(f"listening on {port}", flush=True)

    for line in sys.stdin:
        words = line.split()
        if len(words) == 3 and words[0] == "set" and servicer is not None:
            service = "" if words[1] == "-" else words[1]
            servicer.set(service, health_pb2.HealthCheckResponse.ServingStatus.Value(words[2]))
            print(f"status {words[1]} {words[2]}", flush=True)
        else:
            print(f"unknown command: {line.strip()}", flush=True)
    server.stop(grace=None)


if __name__ == "__main__":
    main()
