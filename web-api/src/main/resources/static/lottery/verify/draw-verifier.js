/*
 * Luckify's draw verifier: recomputes a draw in the browser from what Luckify publishes, following the
 * specification in batch-jobs/README.md ("The draw algorithm (weighted-top-k/hmac-sha256, version 1)").
 *
 * No dependencies. SHA-256 and HMAC-SHA256 are implemented here because WebCrypto's digest and HMAC exist only
 * in secure contexts (https), and the page must work on plain http too; 64-bit user and prize ids are BigInts
 * (JSON numbers would round them above 2^53); the natural logarithm is fdlibm's (Java's StrictMath.log), ported
 * below, because Math.log may differ in the last bit from one engine to another.
 *
 * window.LuckifyDraw exposes the pieces (and computeVectors, which runs spec/draw/weighted-top-k-v1.json).
 */
(function () {
    'use strict';

    const ALGORITHM = 'weighted-top-k/hmac-sha256';
    const VERSION = 1;
    const DIGEST_BLOCK = 1000;
    const PAGE_SIZE = 1000;

    /** Whether this script knows how to recompute a draw recorded with this algorithm and version. */
    function specifies(algorithm, version) {
        return algorithm === ALGORITHM && Number(version) === VERSION;
    }

    // ------------------------------------------------------------------------------------ SHA-256, FIPS 180-4

    const ROUND_CONSTANTS = new Uint32Array([
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
    const INITIAL_HASH = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19];
    const schedule = new Uint32Array(64);

    function rotr(x, n) {
        return (x >>> n) | (x << (32 - n));
    }

    /** SHA-256 of a Uint8Array, as a Uint8Array of 32 bytes. */
    function sha256(bytes) {
        const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
        padded.set(bytes);
        padded[bytes.length] = 0x80;
        const view = new DataView(padded.buffer);
        const bits = bytes.length * 8;
        view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000));
        view.setUint32(padded.length - 4, bits >>> 0);
        const h = new Uint32Array(INITIAL_HASH);
        const w = schedule;
        for (let offset = 0; offset < padded.length; offset += 64) {
            for (let i = 0; i < 16; i++) {
                w[i] = view.getUint32(offset + 4 * i);
            }
            for (let i = 16; i < 64; i++) {
                const x = w[i - 15], y = w[i - 2];
                w[i] = w[i - 16] + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 7]
                    + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10));
            }
            let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
            for (let i = 0; i < 64; i++) {
                const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g))
                    + ROUND_CONSTANTS[i] + w[i]) >>> 0;
                const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
                k = g;
                g = f;
                f = e;
                e = (d + t1) >>> 0;
                d = c;
                c = b;
                b = a;
                a = (t1 + t2) >>> 0;
            }
            // a Uint32Array keeps each sum modulo 2^32
            h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
        }
        const out = new Uint8Array(32);
        const outView = new DataView(out.buffer);
        for (let i = 0; i < 8; i++) {
            outView.setUint32(4 * i, h[i]);
        }
        return out;
    }

    /** HMAC-SHA256 (RFC 2104) of message under key, both Uint8Arrays. */
    function hmacSha256(key, message) {
        const block = new Uint8Array(64);
        block.set(key.length > 64 ? sha256(key) : key);
        const inner = new Uint8Array(64 + message.length);
        const outer = new Uint8Array(64 + 32);
        for (let i = 0; i < 64; i++) {
            inner[i] = block[i] ^ 0x36;
            outer[i] = block[i] ^ 0x5c;
        }
        inner.set(message, 64);
        outer.set(sha256(inner), 64);
        return sha256(outer);
    }

    function toHex(bytes) {
        let hex = '';
        for (let i = 0; i < bytes.length; i++) {
            hex += bytes[i].toString(16).padStart(2, '0');
        }
        return hex;
    }

    function fromHex(hex) {
        if (!/^([0-9a-fA-F]{2})*$/.test(hex)) {
            throw new Error('not hex: ' + hex);
        }
        const bytes = new Uint8Array(hex.length / 2);
        for (let i = 0; i < bytes.length; i++) {
            bytes[i] = parseInt(hex.substr(2 * i, 2), 16);
        }
        return bytes;
    }

    // --------------------------------------------------------------------------------- ln: fdlibm's log
    // The README gives this algorithm step by step; every operation below is one IEEE 754 binary64 operation
    // rounded to nearest, which JavaScript guarantees (it never fuses a multiply and an add).

    const scratch = new DataView(new ArrayBuffer(8));

    function fromWords(high, low) {
        scratch.setUint32(0, high >>> 0);
        scratch.setUint32(4, low >>> 0);
        return scratch.getFloat64(0);
    }

    const LN2_HI = fromWords(0x3fe62e42, 0xfee00000);
    const LN2_LO = fromWords(0x3dea39ef, 0x35793c76);
    const ONE_THIRD = fromWords(0x3fd55555, 0x55555555);
    const LG1 = fromWords(0x3fe55555, 0x55555593);
    const LG2 = fromWords(0x3fd99999, 0x9997fa04);
    const LG3 = fromWords(0x3fd24924, 0x94229359);
    const LG4 = fromWords(0x3fcc71c5, 0x1d8e78af);
    const LG5 = fromWords(0x3fc74664, 0x96cb03de);
    const LG6 = fromWords(0x3fc39a09, 0xd078c69f);
    const LG7 = fromWords(0x3fc2f112, 0xdf3e5244);

    /** The natural logarithm of a positive normal double, bit for bit as fdlibm (Java's StrictMath.log). */
    function ln(x) {
        scratch.setFloat64(0, x);
        const high = scratch.getUint32(0);
        const low = scratch.getUint32(4);
        const fraction = high & 0xfffff;
        // significand >= about sqrt(2): take it as half of itself, with an exponent one higher
        const halve = (fraction + 0x95f64) & 0x100000;
        const k = (high >>> 20) - 1023 + (halve >>> 20);
        const f = fromWords(fraction | (halve ^ 0x3ff00000), low) - 1;
        const dk = k;
        if (((fraction + 2) & 0xfffff) < 3) {
            // |f| < 2^-20
            if (f === 0) {
                return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
            }
            const r = f * f * (0.5 - ONE_THIRD * f);
            return k === 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        const s = f / (2 + f);
        const z = s * s;
        const w = z * z;
        const t1 = w * (LG2 + w * (LG4 + w * LG6));
        const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        const r = t2 + t1;
        if (fraction >= 0x6147a && fraction <= 0x6b851) {
            const halfSquare = 0.5 * f * f;
            return k === 0 ? f - (halfSquare - s * (halfSquare + r))
                : dk * LN2_HI - ((halfSquare - (s * (halfSquare + r) + dk * LN2_LO)) - f);
        }
        return k === 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    /** The 16 hex digits of a double's IEEE 754 bits. */
    function doubleBits(x) {
        scratch.setFloat64(0, x);
        return scratch.getUint32(0).toString(16).padStart(8, '0') + scratch.getUint32(4).toString(16).padStart(8, '0');
    }

    // ----------------------------------------------------------------------------------------------- keys

    /** m in [1, 2^53] (a BigInt) and u = m * 2^-53 for a participant. */
    function uniform(seed, userId) {
        const message = new Uint8Array(8);
        new DataView(message.buffer).setBigInt64(0, BigInt.asIntN(64, userId));
        const h = hmacSha256(seed, message);
        const m = (new DataView(h.buffer, h.byteOffset, 8).getBigUint64(0) >> 11n) + 1n;
        return {m: m, u: Number(m) * Math.pow(2, -53)};
    }

    /** The participant's key: higher is better. */
    function key(seed, userId, weight) {
        return ln(uniform(seed, userId).u) / weight;
    }

    // ------------------------------------------------------------------------------- digest and selection

    /** The participant digest, fed in ascending user id. */
    function ParticipantDigest() {
        let chain = new Uint8Array(32);
        let lines = [];
        const encoder = new TextEncoder();
        function flush() {
            const block = encoder.encode(lines.join(''));
            const input = new Uint8Array(32 + block.length);
            input.set(chain);
            input.set(block, 32);
            chain = sha256(input);
            lines = [];
        }
        this.add = function (userId, weight) {
            lines.push(userId.toString() + ':' + weight + '\n');
            if (lines.length === DIGEST_BLOCK) {
                flush();
            }
        };
        this.finish = function () {
            if (lines.length > 0) {
                flush();
            }
            return toHex(chain);
        };
    }

    /** Negative when a ranks before b: higher key, then lower user id. */
    function bestFirst(a, b) {
        if (a.key !== b.key) {
            return a.key > b.key ? -1 : 1;
        }
        return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
    }

    /** The K best participants in memory O(K): a heap with the weakest on top. */
    function WinnerSelection(seed, places) {
        const heap = [];
        function weaker(i, j) {
            return bestFirst(heap[i], heap[j]) > 0;
        }
        function swap(i, j) {
            const t = heap[i];
            heap[i] = heap[j];
            heap[j] = t;
        }
        function up(i) {
            while (i > 0) {
                const parent = (i - 1) >> 1;
                if (!weaker(i, parent)) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }
        function down(i) {
            for (;;) {
                const left = 2 * i + 1, right = left + 1;
                let weakest = i;
                if (left < heap.length && weaker(left, weakest)) {
                    weakest = left;
                }
                if (right < heap.length && weaker(right, weakest)) {
                    weakest = right;
                }
                if (weakest === i) {
                    return;
                }
                swap(i, weakest);
                i = weakest;
            }
        }
        this.offer = function (userId, weight) {
            if (places === 0) {
                return;
            }
            const entry = {userId: userId, weight: weight, key: key(seed, userId, weight)};
            if (heap.length < places) {
                heap.push(entry);
                up(heap.length - 1);
            } else if (bestFirst(entry, heap[0]) < 0) {
                heap[0] = entry;
                down(0);
            }
        };
        this.winners = function () {
            return heap.slice().sort(bestFirst);
        };
    }

    /** Prize runs in unit order (level, then id), without the empty ones. */
    function unitOrder(prizes) {
        return prizes.filter(function (p) { return p.count > 0n; }).sort(function (a, b) {
            if (a.level !== b.level) {
                return a.level - b.level;
            }
            return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        });
    }

    function totalUnits(prizes) {
        return prizes.reduce(function (sum, p) { return sum + p.count; }, 0n);
    }

    /** The i-th best winner gets the i-th unit: [{place, userId, prizeId}] in place order. */
    function assign(winnersBestFirst, prizes) {
        const awards = [];
        let place = 0;
        for (const prize of unitOrder(prizes)) {
            for (let unit = 0n; unit < prize.count && place < winnersBestFirst.length; unit++) {
                awards.push({place: place + 1, userId: winnersBestFirst[place].userId, prizeId: prize.id});
                place++;
            }
        }
        return awards;
    }

    function placesFor(prizes, participants) {
        const units = totalUnits(prizes);
        return Number(units < BigInt(participants) ? units : BigInt(participants));
    }

    /** A whole draw over a list in memory: participants [{userId, weight}], prizes [{id, level, count}]. */
    function draw(seed, participants, prizes) {
        const ordered = participants.slice().sort(function (a, b) {
            return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
        });
        const digest = new ParticipantDigest();
        const selection = new WinnerSelection(seed, placesFor(prizes, ordered.length));
        for (const p of ordered) {
            digest.add(p.userId, p.weight);
            selection.offer(p.userId, p.weight);
        }
        return {
            seedHash: toHex(sha256(seed)),
            participantCount: ordered.length,
            participantsDigest: digest.finish(),
            awards: assign(selection.winners(), prizes)
        };
    }

    // --------------------------------------------------------------------------------- test vectors

    /**
     * Recomputes every vector of spec/draw/weighted-top-k-v1.json (given as its text) and answers the same
     * structure, as JSON text, with what this script computes in place of the expected values.
     */
    function computeVectors(text) {
        const vectors = JSON.parse(text);
        const out = {algorithm: ALGORITHM, algorithmVersion: VERSION, ln: [], keys: [], draws: []};
        for (const v of vectors.ln) {
            const u = Number(BigInt(v.m)) * Math.pow(2, -53);
            out.ln.push({m: v.m, u: doubleBits(u), ln: doubleBits(ln(u))});
        }
        for (const v of vectors.keys) {
            const seed = fromHex(v.seed);
            const userId = BigInt(v.userId);
            const drawn = uniform(seed, userId);
            out.keys.push({seed: v.seed, userId: v.userId, weight: v.weight, m: drawn.m.toString(),
                u: doubleBits(drawn.u), ln: doubleBits(ln(drawn.u)), key: doubleBits(key(seed, userId, v.weight))});
        }
        for (const d of vectors.draws) {
            const result = draw(fromHex(d.seed),
                d.participants.map(function (p) { return {userId: BigInt(p[0]), weight: p[1]}; }),
                d.prizes.map(function (p) { return {id: BigInt(p.id), level: p.level, count: BigInt(p.count)}; }));
            out.draws.push({name: d.name, expected: {seedHash: result.seedHash,
                participantCount: result.participantCount, participantsDigest: result.participantsDigest,
                winners: result.awards.map(function (a) {
                    return {place: a.place, userId: a.userId.toString(), prizeId: a.prizeId.toString()};
                })}});
        }
        return JSON.stringify(out);
    }

    // ------------------------------------------------------------------------- verifying a published draw

    /**
     * Checks a published draw; fetchPage(afterUserId) answers {list: [{userId, weight}], lastUserId} (BigInt ids),
     * the participant list page by page. Answers the findings: empty when everything agrees.
     */
    async function verify(published, fetchPage, progress) {
        const findings = [];
        if (!specifies(published.algorithm, published.algorithmVersion)) {
            findings.push({what: 'algorithm', text: 'The draw was recorded with the algorithm ' + published.algorithm
                + ' version ' + published.algorithmVersion + ', which this page does not know how to recompute.'});
            return {findings: findings};
        }
        const seed = fromHex(published.seed);
        const seedHash = toHex(sha256(seed));
        if (seedHash !== published.seedHash) {
            findings.push({what: 'seed-hash', text: 'Seed hash differs: SHA-256 of the revealed seed is ' + seedHash
                + ', but the hash published before the draw is ' + published.seedHash + '.'});
        }
        const digest = new ParticipantDigest();
        const selection = new WinnerSelection(seed, Number(totalUnits(published.prizes)));
        let count = 0;
        let after = 0n;
        let last = -1n;
        let outOfOrder = false;
        for (;;) {
            const page = await fetchPage(after);
            for (const p of page.list) {
                if (p.userId <= last && !outOfOrder) {
                    outOfOrder = true;
                    findings.push({what: 'order', text: 'The participant list is not in ascending user id: '
                        + p.userId + ' comes after ' + last + '.'});
                }
                last = p.userId;
                digest.add(p.userId, p.weight);
                selection.offer(p.userId, p.weight);
                count++;
            }
            if (progress) {
                progress(count);
            }
            if (page.lastUserId === 0n || page.list.length === 0) {
                break;
            }
            after = page.lastUserId;
        }
        if (count !== published.participantCount) {
            findings.push({what: 'count', text: 'Participant count differs: the list has ' + count
                + ' participants, the draw published ' + published.participantCount + '.'});
        }
        const participantsDigest = digest.finish();
        if (participantsDigest !== published.participantsDigest) {
            findings.push({what: 'digest', text: 'Participants digest differs: the list gives ' + participantsDigest
                + ', the draw published ' + published.participantsDigest
                + ' (the list is not the one the draw saw: a participant or a weight changed).'});
        }
        // the winners computed from the list (with more participants than places, only the best can win, so a
        // shorter or longer list shows as a count or digest difference above)
        const computed = assign(selection.winners(), published.prizes);
        const publishedByUser = new Map();
        for (const w of published.winners) {
            publishedByUser.set(w.userId.toString(), w);
        }
        const computedUsers = new Set();
        for (const a of computed) {
            computedUsers.add(a.userId.toString());
            const recorded = publishedByUser.get(a.userId.toString());
            if (!recorded) {
                findings.push({what: 'winner', place: a.place, text: 'Place ' + a.place + ': the draw gives user '
                    + a.userId + ' prize ' + a.prizeId + ', but user ' + a.userId + ' is not among the published winners.'});
            } else if (recorded.prizeId !== a.prizeId) {
                findings.push({what: 'winner', place: a.place, text: 'Place ' + a.place + ': the draw gives user '
                    + a.userId + ' prize ' + a.prizeId + ', but the published result gives them prize '
                    + recorded.prizeId + '.'});
            }
        }
        for (const w of published.winners) {
            if (!computedUsers.has(w.userId.toString())) {
                findings.push({what: 'winner', text: 'User ' + w.userId + ' is published as a winner of prize '
                    + w.prizeId + ', but the draw does not make them win.'});
            }
        }
        return {findings: findings, winners: computed.length, participants: count};
    }

    // ---------------------------------------------------------------------------------------- the page

    /** JSON with the 64-bit ids as strings, so that none is rounded on the way. */
    function parseWithIds(text) {
        return JSON.parse(text.replace(/"(userId|lastUserId)"\s*:\s*(\d+)/g, '"$1":"$2"'));
    }

    function pageFetcher(url, lotteryId) {
        return async function (after) {
            const query = '?lotteryId=' + lotteryId + '&lastUserId=' + after + '&pageSize=' + PAGE_SIZE;
            const response = await fetch(url + query, {headers: {'Accept': 'application/json'}});
            const body = parseWithIds(await response.text());
            if (body.code !== 200) {
                throw new Error('the participant list answered ' + body.code + ' ' + (body.msg || ''));
            }
            return {
                list: body.data.list.map(function (e) { return {userId: BigInt(e.userId), weight: Number(e.weight)}; }),
                lastUserId: BigInt(body.data.lastUserId)
            };
        };
    }

    function readPublished(section) {
        const data = section.dataset;
        const prizes = Array.from(section.querySelectorAll('[data-prize-id]')).map(function (row) {
            return {id: BigInt(row.dataset.prizeId), level: Number(row.dataset.level), count: BigInt(row.dataset.count)};
        });
        const winners = Array.from(section.querySelectorAll('[data-winner-user-id]')).map(function (row) {
            return {userId: BigInt(row.dataset.winnerUserId), prizeId: BigInt(row.dataset.winnerPrizeId)};
        });
        return {
            lotteryId: data.lotteryId, algorithm: data.algorithm, algorithmVersion: Number(data.algorithmVersion),
            seed: data.seed, seedHash: data.seedHash, participantsDigest: data.participantsDigest,
            participantCount: Number(data.participantCount), prizes: prizes, winners: winners,
            participantsUrl: data.participantsUrl
        };
    }

    function show(verdict, result, text) {
        verdict.dataset.result = result;
        verdict.className = 'verdict ' + result;
        verdict.textContent = text;
    }

    async function run() {
        const section = document.getElementById('draw');
        const verdict = document.getElementById('verdict');
        if (!section || !verdict || section.dataset.checkable !== 'true') {
            return;
        }
        const findingsList = document.getElementById('findings');
        const progress = document.getElementById('progress');
        const published = readPublished(section);
        show(verdict, 'checking', 'Checking… 正在验证');
        try {
            const result = await verify(published, pageFetcher(published.participantsUrl, published.lotteryId),
                function (count) { progress.textContent = count + ' participants read'; });
            findingsList.textContent = '';
            if (result.findings.length === 0) {
                show(verdict, 'verified', 'Verified 验证通过: the seed matches the hash published before the draw, the '
                    + 'participant list matches its digest, and the ' + result.winners + ' winners follow from them.');
                return;
            }
            show(verdict, 'differs', 'Does not verify 验证未通过: ' + result.findings.length
                + (result.findings.length === 1 ? ' difference' : ' differences') + ' below.');
            for (const finding of result.findings) {
                const item = document.createElement('li');
                item.dataset.what = finding.what;
                item.textContent = finding.text;
                findingsList.appendChild(item);
            }
        } catch (e) {
            show(verdict, 'error', 'Could not check the draw 无法验证: ' + e.message);
        }
    }

    window.LuckifyDraw = {
        ALGORITHM: ALGORITHM, VERSION: VERSION, specifies: specifies, sha256: sha256, hmacSha256: hmacSha256,
        toHex: toHex, fromHex: fromHex, ln: ln, doubleBits: doubleBits, uniform: uniform, key: key, draw: draw,
        verify: verify, computeVectors: computeVectors
    };

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', run);
    } else {
        run();
    }
})();
