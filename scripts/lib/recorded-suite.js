// A suite as a recorded build table reports it: names, id, and the columns `-v` prints.
export function printedFields(c) {
  return {
    name: c.name,
    stdname: c.standard_name ?? null,
    id: c.id,
    protocol: c.desc_version,
    kx: c.kx,
    au: c.au,
    enc: c.enc,
    mac: c.mac,
    bits: c.bits,
    algBits: c.alg_bits,
  };
}
