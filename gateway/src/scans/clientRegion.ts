import IP2Region from 'ip2region';

/** Where the server places a client address: a province code, and whether that reading is only a claim. */
export interface ClientRegion {
  /** Province-level administrative code (GB/T 2260, first two digits), e.g. `33` for Zhejiang. */
  province: string;
  /**
   * Addresses of China Mobile's network follow the SIM's home province wherever the phone is, so a
   * traveller would look like a copy of the code: such a reading is a claim, never evidence alone.
   */
  mobile: boolean;
}

/** The provinces by the names the offline database uses (with or without 省/市/自治区). */
const PROVINCE_CODES: readonly [string, string][] = [
  ['北京', '11'], ['天津', '12'], ['河北', '13'], ['山西', '14'], ['内蒙古', '15'], ['辽宁', '21'], ['吉林', '22'], ['黑龙江', '23'],
  ['上海', '31'], ['江苏', '32'], ['浙江', '33'], ['安徽', '34'], ['福建', '35'], ['江西', '36'], ['山东', '37'], ['河南', '41'],
  ['湖北', '42'], ['湖南', '43'], ['广东', '44'], ['广西', '45'], ['海南', '46'], ['重庆', '50'], ['四川', '51'], ['贵州', '52'],
  ['云南', '53'], ['西藏', '54'], ['陕西', '61'], ['甘肃', '62'], ['青海', '63'], ['宁夏', '64'], ['新疆', '65'], ['台湾', '71'],
  ['香港', '81'], ['澳门', '82'],
];

export const provinceCodeOf = (name: string): string | undefined => PROVINCE_CODES.find(([prefix]) => name.startsWith(prefix))?.[1];

/**
 * Reads the province of a client address from an offline IP-to-region database (the ip2region npm
 * package ships it: no lookup leaves the machine). Private, loopback and foreign addresses have none.
 */
export class ClientRegions {
  readonly #database = new IP2Region();
  readonly #known = new Map<string, ClientRegion | undefined>();

  of(address: string): ClientRegion | undefined {
    if (this.#known.has(address)) return this.#known.get(address);
    let region: ClientRegion | undefined;
    try {
      const found = this.#database.search(address.replace(/^::ffff:/, ''));
      const province = found && found.country === '中国' ? provinceCodeOf(found.province) : undefined;
      region = province ? { province, mobile: found?.isp.includes('移动') ?? false } : undefined;
    } catch {
      region = undefined;
    }
    // Bounded like the client hashes: consumers scan again and again from one address.
    if (this.#known.size >= 10_000) this.#known.clear();
    this.#known.set(address, region);
    return region;
  }
}
