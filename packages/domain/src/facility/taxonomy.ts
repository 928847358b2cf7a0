// FAC-01: the closed facility taxonomy of 000 §1.1 plus the hall facilities of 003. Class
// keys are the keys of `policy.facility.defaultCycles` and `certificateRequirements`.

interface ClassEntry {
  readonly zh: string;
  readonly en: string;
  /** Sub-classes the standard names (water by use, power by voltage); empty when none. */
  readonly subClasses: Readonly<Record<string, string>>;
}

interface CategoryEntry {
  readonly zh: string;
  readonly en: string;
  readonly classes: Readonly<Record<string, ClassEntry>>;
}

const cls = (zh: string, en: string, subClasses: Record<string, string> = {}): ClassEntry => ({
  zh,
  en,
  subClasses,
});

/** Categories → classes → sub-classes, with their Chinese names (FAC-01). */
export const facilityTaxonomy = {
  infrastructure: {
    zh: '基础设施类',
    en: 'infrastructure',
    classes: {
      'water-supply': cls('供水设施', 'water supply', {
        residential: '生活用水',
        industrial: '工业用水',
        agricultural: '农业用水',
      }),
      power: cls('供电设施', 'power supply', {
        'low-voltage': '低压',
        'medium-voltage': '中压',
        'high-voltage': '高压',
      }),
      gas: cls('燃气设施', 'gas'),
      drainage: cls('排水设施', 'drainage'),
      roads: cls('道路', 'roads'),
      bridges: cls('桥梁', 'bridges'),
      'public-transport': cls('公共交通设施', 'public transport'),
      'road-lighting': cls('道路照明设施', 'road lighting'),
      'fire-facilities': cls('消防设施', 'fire facilities'),
    },
  },
  'public-service': {
    zh: '公共服务类',
    en: 'public service',
    classes: {
      education: cls('教育设施', 'education'),
      medical: cls('医疗设施', 'medical'),
      culture: cls('文化设施', 'culture'),
      sports: cls('体育设施', 'sports'),
      broadcasting: cls('广播电视设施', 'broadcasting'),
    },
  },
  environment: {
    zh: '环境设施类',
    en: 'environment',
    classes: {
      greening: cls('绿化设施', 'greening'),
      sanitation: cls('环卫设施', 'sanitation'),
      'waste-processing': cls('垃圾处理设施', 'waste processing'),
      'sewage-treatment': cls('污水处理设施', 'sewage treatment'),
    },
  },
  'information-communication': {
    zh: '信息与通信设施',
    en: 'information & communication',
    classes: {
      telecom: cls('电信设施', 'telecom'),
      internet: cls('互联网设施', 'internet'),
      'broadcast-network': cls('广播传输网络', 'broadcast network'),
    },
  },
  hall: {
    zh: '服务大厅设施',
    en: 'service hall facilities',
    classes: {
      signage: cls('标识标牌', 'signage'),
      'self-service-terminal': cls('自助服务终端', 'self-service terminal'),
      'mother-baby-room': cls('母婴室', 'mother-and-baby room'),
      'volunteer-station': cls('志愿服务站', 'volunteer station'),
    },
  },
} as const satisfies Record<string, CategoryEntry>;

export type FacilityCategory = keyof typeof facilityTaxonomy;
/** Every category key, in the order of the standard. */
export const facilityCategories = Object.keys(facilityTaxonomy) as [
  FacilityCategory,
  ...FacilityCategory[],
];

/** The taxonomy entry of a class key, with the category it belongs to. */
export const findFacilityClass = (
  classKey: string,
): { readonly category: FacilityCategory; readonly entry: ClassEntry } | undefined => {
  for (const category of facilityCategories) {
    const classes: Readonly<Record<string, ClassEntry>> = facilityTaxonomy[category].classes;
    if (Object.hasOwn(classes, classKey)) {
      const entry = classes[classKey];
      if (entry) return { category, entry };
    }
  }
  return undefined;
};

/** Every class key of the taxonomy (FAC-01). */
export const facilityClassKeys: readonly string[] = facilityCategories.flatMap((c) =>
  Object.keys(facilityTaxonomy[c].classes),
);

/** Task kinds the plan knows by name (FAC-04); a policy may add more by giving them cycles. */
export const facilityTaskKinds = [
  'routine',
  'periodic',
  'special',
  'pipe-pressure-check',
  'full-overhaul',
  'line-insulation-check',
  'equipment-inspection',
  'cleaning',
  'equipment-check',
  'system-maintenance',
  'patrol',
  'full-check',
  'full-test',
] as const;
