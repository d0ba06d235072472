#!/usr/bin/env python3
"""Writes the TLS fixtures the fault tests use (Tests/SondeProbesTests/Fixtures/tls).

A private test CA signs: a valid certificate for 127.0.0.1, an expired one, and one for the wrong
host; a self-signed certificate stands alone. Keys are test-only. Run again to regenerate.
"""
import datetime, ipaddress, pathlib, sys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Tests/SondeProbesTests/Fixtures/tls")
out.mkdir(parents=True, exist_ok=True)
now = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)

def key():
    return ec.generate_private_key(ec.SECP256R1())

def write(name, cert, private):
    (out / f"{name}.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (out / f"{name}.key").write_bytes(private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))

def cert(subject_cn, issuer_name, issuer_key, public_key, not_before, not_after, sans, ca=False):
    builder = (x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject_cn)]))
        .issuer_name(issuer_name).public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())

ca_key = key()
ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Sonde Test CA")])
ca = cert("Sonde Test CA", ca_name, ca_key, ca_key.public_key(), now, now + datetime.timedelta(days=36500), None, ca=True)
write("ca", ca, ca_key)

loopback = [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
for name, start, end, sans in [
    ("valid", now, now + datetime.timedelta(days=36500), loopback),
    ("expired", datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc),
     datetime.datetime(2020, 2, 1, tzinfo=datetime.timezone.utc), loopback),
    ("wrong-host", now, now + datetime.timedelta(days=36500), [x509.DNSName("wrong.example")]),
]:
    k = key()
    write(name, cert("127.0.0.1" if name != "wrong-host" else "wrong.example", ca_name, ca_key, k.public_key(), start, end, sans), k)

self_key = key()
self_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
write("self-signed", cert("127.0.0.1", self_name, self_key, self_key.public_key(), now,
                          now + datetime.timedelta(days=36500), loopback), self_key)
print(f"wrote certificates to {out}")
