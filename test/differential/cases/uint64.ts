import type { CaseGroup } from './index.js';

/**
 * UInt64 across 2^63 (mk stores such values two's complement in a SQLite INTEGER): hashes and `% n`
 * sampling, big literals, comparisons and ORDER BY across the boundary, aggregates, conversions and
 * output. ClickHouse's JSON numbers beyond 2^53 reach the harness as doubles, so exactness is checked
 * through toString.
 */
export const UINT64: CaseGroup = {
  group: 'uint64',
  cases: [
    // Storage and output
    'SELECT k, h, n FROM u64 ORDER BY k',
    'SELECT k, toString(h) AS a, toString(n) AS b FROM u64 ORDER BY k',
    "SELECT k, concat('#', toString(h)) AS a FROM u64 ORDER BY k",
    // Comparisons across the boundary (constants of both sizes, columns of other types)
    'SELECT k FROM u64 WHERE h > 9223372036854775807 ORDER BY k',
    'SELECT k FROM u64 WHERE h >= 9223372036854775808 ORDER BY k',
    'SELECT k FROM u64 WHERE h < 100 ORDER BY k',
    'SELECT k FROM u64 WHERE h <= 18446744073709551614 ORDER BY k',
    'SELECT k FROM u64 WHERE h > 100 ORDER BY k',
    'SELECT k FROM u64 WHERE h = 18446744073709551615 ORDER BY k',
    'SELECT k FROM u64 WHERE h != 0 ORDER BY k',
    'SELECT k FROM u64 WHERE h BETWEEN 1 AND 9223372036854775808 ORDER BY k',
    'SELECT k FROM u64 WHERE h IN (1, 18446744073709551615, 9223372036854775808) ORDER BY k',
    'SELECT k, h > k AS a, h < k AS b, h = i AS c, h > i AS d, h < 1.5 AS e FROM u64 ORDER BY k',
    'SELECT a.k AS x, b.k AS y FROM u64 AS a, u64 AS b WHERE a.h < b.h AND b.k = 8 ORDER BY x',
    'SELECT k, n > 9223372036854775807 AS a FROM u64 ORDER BY k',
    'SELECT k, h > 5 AND h < 18446744073709551615 AS a FROM u64 ORDER BY k',
    // ORDER BY and GROUP BY
    'SELECT toString(h) AS s FROM u64 ORDER BY h, k',
    'SELECT toString(h) AS s FROM u64 ORDER BY h DESC, k',
    'SELECT toString(n) AS s FROM u64 ORDER BY n DESC, k',
    'SELECT toString(h) AS s, count() AS c FROM u64 GROUP BY h ORDER BY h',
    'SELECT k FROM u64 ORDER BY cityHash64(s) LIMIT 5',
    // Aggregates
    'SELECT toString(max(h)) AS a, toString(min(h)) AS b, toString(max(n)) AS c, toString(min(n)) AS d FROM u64',
    'SELECT max(h) AS a, min(h) AS b FROM u64',
    'SELECT toString(maxIf(h, h < 9223372036854775808)) AS a, toString(minIf(h, h > 100)) AS b FROM u64',
    'SELECT k % 2 AS g, toString(max(h)) AS a, toString(min(h)) AS b FROM u64 GROUP BY g ORDER BY g',
    'SELECT toString(sum(h)) AS a FROM u64',
    'SELECT toString(sum(h)) AS a FROM u64 WHERE h < 9223372036854775808',
    'SELECT avg(h) AS a FROM u64',
    'SELECT avg(h) AS a FROM u64 WHERE k IN (0, 1, 2, 6)',
    'SELECT toString(max(cityHash64(s))) AS a, toString(min(cityHash64(s))) AS b FROM u64',
    'SELECT toString(argMax(s, h)) AS a, toString(argMin(s, h)) AS b FROM u64',
    // Arithmetic: modulo, division, wrap-around
    'SELECT k, h % 100 AS a, h % 7 AS b, h % 2 AS c, h % k AS d FROM u64 WHERE k > 0 ORDER BY k',
    'SELECT k, toString(h % 18446744073709551615) AS a, toString(h % 9223372036854775808) AS b FROM u64 ORDER BY k',
    'SELECT k, toString(intDiv(h, 3)) AS a, toString(intDiv(h, 1000000007)) AS b FROM u64 ORDER BY k',
    'SELECT k, h / 2 AS a, h / 3 AS b FROM u64 ORDER BY k',
    'SELECT k, toString(h + 1) AS a, toString(h - 1) AS b, toString(h * 2) AS c FROM u64 ORDER BY k',
    'SELECT toString(18446744073709551615 + 1) AS a, toString(toUInt64(9223372036854775807) + 1) AS b',
    // Conversions
    'SELECT k, toFloat64(h) AS a, toInt64(h) AS b, toUInt32(h) AS c, toInt32(h) AS d, toUInt8(h) AS e FROM u64 ORDER BY k',
    'SELECT k, toString(toUInt64(i)) AS a, toString(CAST(h AS Int64)) AS b, toString(toUInt64(h)) AS c FROM u64 ORDER BY k',
    'SELECT k, toString(toUInt64(toString(h))) AS a FROM u64 ORDER BY k',
    'SELECT k, h::Float64 AS a, CAST(h AS Float64) / 2 AS b FROM u64 ORDER BY k',
    'SELECT k, hex(h) AS a, bitCount(h) AS b FROM u64 ORDER BY k',
    // Bit operations
    'SELECT k, toString(bitAnd(h, 255)) AS a, toString(bitShiftRight(h, 60)) AS b, toString(bitShiftRight(h, 1)) AS c FROM u64 ORDER BY k',
    'SELECT k, toString(bitOr(h, 1)) AS a, toString(bitXor(h, 18446744073709551615)) AS b, toString(bitNot(h)) AS c FROM u64 ORDER BY k',
    'SELECT k, toString(bitShiftLeft(h, 1)) AS a, bitTest(h, 63) AS b FROM u64 ORDER BY k',
    // Literals
    'SELECT 18446744073709551615 AS a',
    'SELECT toString(18446744073709551615) AS a, toString(9223372036854775808) AS b',
    "SELECT toUInt64('18446744073709551615') AS a, toString(toUInt64('18446744073709551615')) AS b",
    "SELECT toString(toUInt64OrZero('18446744073709551616')) AS a, toString(toUInt64OrNull('9223372036854775808')) AS b",
    'SELECT toString(toUInt64(-1)) AS a, toInt64(18446744073709551615) AS b, toString(toUInt64(-9223372036854775808)) AS c',
    'SELECT 18446744073709551615 > 1 AS a, 9223372036854775808 > 9223372036854775807 AS b, 18446744073709551615 = 18446744073709551615 AS c',
    'SELECT toString(greatest(18446744073709551615, toUInt64(1))) AS a, toString(least(18446744073709551615, toUInt64(1))) AS b',
    'SELECT [18446744073709551615, 1] AS a',
    // Hashes: values and sampling
    'SELECT k, toString(cityHash64(s)) AS a, toString(sipHash64(s)) AS b, toString(xxHash64(s)) AS c FROM u64 ORDER BY k',
    'SELECT k, toString(cityHash64(h)) AS a, toString(sipHash64(h)) AS b, toString(intHash64(h)) AS c FROM u64 ORDER BY k',
    'SELECT number, cityHash64(number) % 100 AS a, sipHash64(number) % 10 AS b, xxHash64(toString(number)) % 1000 AS c FROM numbers(300) ORDER BY number',
    'SELECT count() AS c FROM numbers(1000) WHERE cityHash64(number) % 100 < 10',
    'SELECT count() AS c FROM numbers(1000) WHERE cityHash64(number) > 9223372036854775807',
    'SELECT number, toString(cityHash64(number)) AS a, cityHash64(number) > 9223372036854775807 AS b FROM numbers(20) ORDER BY number',
    'SELECT number, bitAnd(cityHash64(number), 1023) AS a, bitShiftRight(sipHash64(number), 54) AS b FROM numbers(50) ORDER BY number',
    'SELECT number, intHash64(number) % 16 AS a, toString(intHash64(number)) AS b FROM numbers(20) ORDER BY number',
    'SELECT cityHash64(number) % 4 AS b, count() AS c FROM numbers(400) GROUP BY b ORDER BY b',
    // Known below 2^63 (counts, lengths, ranks, small conversions): compiled plain, same answers
    'SELECT k % 3 AS g, count() AS c FROM u64 GROUP BY g HAVING c > 3 ORDER BY c DESC, g',
    'SELECT h >= 9223372036854775808 AS big, count() AS c, uniqExact(s) AS u, uniq(k) AS v, countIf(h < 100) AS ci FROM u64 GROUP BY big HAVING c >= 1 AND u > 0 ORDER BY c DESC, big',
    'SELECT g, c FROM (SELECT k % 4 AS g, count() AS c FROM u64 GROUP BY g) WHERE c > 2 ORDER BY c DESC, g',
    'SELECT max(c) AS a, min(c) AS b, toString(max(c)) AS t FROM (SELECT k % 3 AS g, count() AS c FROM u64 GROUP BY g)',
    'SELECT count(DISTINCT h) AS a, countDistinct(s) AS b, uniqExact(toString(n)) AS c FROM u64 HAVING a > 1',
    'SELECT uniq(h) AS a, uniqExact(n) AS b FROM u64',
    'SELECT s, row_number() OVER (ORDER BY h) AS r, rank() OVER (ORDER BY h DESC) AS q FROM u64 ORDER BY r DESC LIMIT 4',
    "SELECT k, toUInt64(k) * 2 + 1 AS a, length(s) AS l, toUInt64(toDate('2024-01-01')) AS d FROM u64 WHERE a > 5 AND l >= 5 ORDER BY a DESC",
    'SELECT k, sum(k) AS s, toString(sum(toUInt64(k))) AS t FROM u64 GROUP BY k % 2 AS p, k HAVING s > 3 ORDER BY s DESC LIMIT 5',
    'SELECT k FROM u64 WHERE h > toUInt64(k) ORDER BY k',
    'SELECT k FROM u64 WHERE h < length(s) * 2 ORDER BY k',
    'SELECT k, greatest(toUInt64(k), length(s)) AS g FROM u64 WHERE g > 5 ORDER BY g DESC, k',
    'SELECT k, toString(if(k > 5, h, toUInt64(k))) AS a FROM u64 ORDER BY if(k > 5, h, toUInt64(k)), k',
  ],
};
