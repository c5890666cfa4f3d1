"""Opens a bundle with jwcrypto, an implementation independent of ours (Debian's python3-jwcrypto).

stdin: {"bundle": <compact JWE>, "countyPrivateJwk": {...}, "townshipPublicJwk": {...}}
stdout: {"jweHeader": {...}, "jwsHeader": {...}, "lines": [<decoded JSON lines>]}; exit 1 if it fails.
"""
import gzip
import json
import sys

from jwcrypto import jwe, jwk, jws

req = json.load(sys.stdin)
try:
    outer = jwe.JWE()
    outer.deserialize(req["bundle"], key=jwk.JWK(**req["countyPrivateJwk"]))
    inner = jws.JWS()
    inner.deserialize(outer.payload.decode("ascii"))
    inner.verify(jwk.JWK(**req["townshipPublicJwk"]), alg="EdDSA")
    text = gzip.decompress(inner.payload).decode("utf-8")
except Exception as err:  # any failure is a refusal
    print(f"{type(err).__name__}: {err}", file=sys.stderr)
    sys.exit(1)
json.dump(
    {
        "jweHeader": outer.jose_header,
        "jwsHeader": inner.jose_header,
        "lines": [json.loads(line) for line in text.splitlines()],
    },
    sys.stdout,
)
