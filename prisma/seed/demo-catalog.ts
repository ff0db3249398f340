/**
 * Demo museums, works and products with real-looking text in French, English and Chinese.
 * Pure data and a generator: prisma/seed.ts writes it.
 */

export interface Text3 {
  fr: string;
  en: string;
  zh: string;
}

export interface DemoArtwork {
  accessionNumber: string;
  title: Text3;
  artist: string;
  period: string;
  /** Short forms used inside product names. */
  short: Text3;
}

export interface DemoMuseum {
  slug: string;
  legalName: string;
  country: string;
  managerEmail: string;
  name: Text3;
  story: Text3;
  creditLine: string;
  artworks: DemoArtwork[];
  /** A themed collection of the products inspired by the first `themeWorks` works. */
  theme: { slug: string; name: Text3; works: string[] };
}

export interface ProductType {
  key: string;
  category: string;
  crossBorderCategory: 'GENERAL' | 'COSMETICS' | 'JEWELLERY' | 'BOOKS' | 'APPAREL' | 'HOMEWARE' | 'STATIONERY' | 'TOYS';
  hsCode: string;
  weightGrams: number;
  name: (w: Text3) => Text3;
  description: (w: Text3, artist: Text3) => Text3;
  /** Options, EUR price (cents) and, where it matters (cosmetics), net content of each variant. */
  variants: { code: string; options: Record<string, string>; priceMinor: number; netContent?: { amount: number; unit: 'ML' | 'G' | 'PIECE' } }[];
}

/**
 * The artists' names as shoppers read them: the museum's own credit (fr), English, Chinese
 * (达·芬奇, not "Léonard de Vinci", on a zh-CN page). A credit not listed keeps its own form.
 */
export const ARTIST_NAMES: Record<string, { en: string; zh: string }> = {
  'Léonard de Vinci': { en: 'Leonardo da Vinci', zh: '达·芬奇' },
  'Anonyme, Grèce hellénistique': { en: 'Anonymous, Hellenistic Greece', zh: '佚名（希腊化时期）' },
  'Eugène Delacroix': { en: 'Eugène Delacroix', zh: '德拉克洛瓦' },
  'Théodore Géricault': { en: 'Théodore Géricault', zh: '席里柯' },
  'Johannes Vermeer': { en: 'Johannes Vermeer', zh: '维米尔' },
  'Jacques-Louis David': { en: 'Jacques-Louis David', zh: '雅克-路易·大卫' },
  'Jean-Auguste-Dominique Ingres': { en: 'Jean-Auguste-Dominique Ingres', zh: '安格尔' },
  'Anonymous, Ptolemaic Egypt': { en: 'Anonymous, Ptolemaic Egypt', zh: '佚名（托勒密王朝埃及）' },
  'Katsushika Hokusai': { en: 'Katsushika Hokusai', zh: '葛饰北斋' },
  'Anonymous, Anglo-Saxon': { en: 'Anonymous, Anglo-Saxon', zh: '佚名（盎格鲁-撒克逊）' },
  'Anonymous, Late Period Egypt': { en: 'Anonymous, Late Period Egypt', zh: '佚名（埃及后期王朝）' },
  'Anonymous, Norse': { en: 'Anonymous, Norse', zh: '佚名（北欧）' },
  'Anonymous, New Kingdom Egypt': { en: 'Anonymous, New Kingdom Egypt', zh: '佚名（埃及新王国）' },
  'attributed to Gu Kaizhi': { en: 'attributed to Gu Kaizhi', zh: '传顾恺之' },
  'Vincent van Gogh': { en: 'Vincent van Gogh', zh: '梵高' },
  'Claude Monet': { en: 'Claude Monet', zh: '莫奈' },
  'Pierre-Auguste Renoir': { en: 'Pierre-Auguste Renoir', zh: '雷诺阿' },
  'Édouard Manet': { en: 'Édouard Manet', zh: '马奈' },
  'James Abbott McNeill Whistler': { en: 'James Abbott McNeill Whistler', zh: '惠斯勒' },
  'Paul Cézanne': { en: 'Paul Cézanne', zh: '塞尚' },
  'Edgar Degas': { en: 'Edgar Degas', zh: '德加' },
};

const ORDINAL = /^(early |late )?(\d{1,2})(?:st|nd|rd|th)(?:–(\d{1,2})(?:st|nd|rd|th))? century$/;

/**
 * A work's date in English and Chinese from the museum's own wording ("vers 1669–1670",
 * "c. 1831", "196 BC", "early 7th century"); what it does not recognise stays as written.
 */
export function periodNames(period: string): { en: string; zh: string } {
  let s = period.trim();
  let approx = false;
  let bc = false;
  s = s.replace(/^(vers|c\.)\s*/i, () => ((approx = true), ''));
  s = s.replace(/\s*(av\. J\.-C\.|BC)$/i, () => ((bc = true), ''));
  if (/^\d{1,4}(–\d{1,4})?$/.test(s)) return { en: `${approx ? 'c. ' : ''}${s}${bc ? ' BC' : ''}`, zh: `${approx ? '约' : ''}${bc ? '公元前' : ''}${s}年` };
  const c = ORDINAL.exec(s);
  if (c) {
    const part = c[1] === 'early ' ? '初' : c[1] === 'late ' ? '末' : '';
    return { en: period, zh: `${bc ? '公元前' : ''}${c[2]}${c[3] ? `–${c[3]}` : ''}世纪${part}` };
  }
  return { en: period, zh: period };
}

export function artistName(credit: string): Text3 {
  const names = ARTIST_NAMES[credit];
  return { fr: credit, en: names?.en ?? credit, zh: names?.zh ?? credit };
}

/**
 * The search's synonym dictionary as the demo starts it: museum-shop words in Chinese,
 * English and French, and the names shoppers give artists and works.
 */
export const SEARCH_SYNONYMS: string[][] = [
  ['丝巾', '围巾', '方巾', '真丝方巾', 'scarf', 'scarves', 'silk scarf', 'foulard', 'foulards', 'carré de soie'],
  ['帆布包', '帆布袋', '托特包', '手提袋', 'tote', 'tote bag', 'sac cabas', 'cabas'],
  ['冰箱贴', '磁贴', 'magnet', 'fridge magnet', 'aimant'],
  ['明信片', 'postcard', 'carte postale'],
  ['笔记本', '本子', '记事本', 'notebook', 'carnet'],
  ['伞', '雨伞', '折叠伞', 'umbrella', 'parapluie'],
  ['杯', '杯子', '马克杯', 'mug', 'tasse'],
  ['拼图', 'puzzle', 'jigsaw'],
  ['书签', 'bookmark', 'bookmarks', 'marque-pages'],
  ['耳环', '耳饰', 'earrings', "boucles d'oreilles"],
  ['达·芬奇', '列奥纳多·达·芬奇', '达文西', 'leonardo da vinci', 'léonard de vinci', 'da vinci'],
  ['梵高', '凡高', '梵谷', '文森特·梵高', 'van gogh', 'vincent van gogh'],
  ['莫奈', '莫内', 'claude monet', 'monet'],
  ['雷诺阿', 'renoir'],
  ['德加', 'degas'],
  ['塞尚', 'cézanne'],
  ['葛饰北斋', '北斋', 'hokusai'],
  ['维米尔', '弗美尔', 'vermeer'],
  ['蒙娜丽莎', 'mona lisa', 'joconde', 'la joconde'],
  ['星夜', '星月夜', 'starry night', 'nuit étoilée'],
  ['神奈川冲浪里', '神奈川巨浪', 'great wave', 'grande vague'],
];

export const DEMO_PASSWORD = 'vitrine-demo-2026';

export const MUSEUMS: DemoMuseum[] = [
  {
    slug: 'louvre',
    legalName: 'Établissement public du musée du Louvre',
    country: 'FR',
    managerEmail: 'manager@louvre.test',
    name: { fr: 'Boutique du Louvre', en: 'The Louvre Shop', zh: '卢浮宫博物馆官方旗舰店' },
    story: {
      fr: 'Des objets inspirés des chefs-d’œuvre du Louvre, conçus avec les conservateurs du musée et fabriqués en Europe.',
      en: 'Objects inspired by the Louvre’s masterpieces, designed with the museum’s curators and made in Europe.',
      zh: '灵感源自卢浮宫馆藏杰作，由博物馆策展人参与设计，欧洲制造。把艺术带回家。',
    },
    creditLine: '© GrandPalaisRmn (musée du Louvre)',
    artworks: [
      { accessionNumber: 'INV 779', title: { fr: 'Portrait de Lisa Gherardini, dite La Joconde', en: 'Mona Lisa', zh: '蒙娜丽莎' }, short: { fr: 'La Joconde', en: 'Mona Lisa', zh: '蒙娜丽莎' }, artist: 'Léonard de Vinci', period: '1503–1519' },
      { accessionNumber: 'Ma 399', title: { fr: 'Aphrodite, dite Vénus de Milo', en: 'Venus de Milo', zh: '米洛的维纳斯' }, short: { fr: 'Vénus de Milo', en: 'Venus de Milo', zh: '米洛的维纳斯' }, artist: 'Anonyme, Grèce hellénistique', period: 'vers 150–125 av. J.-C.' },
      { accessionNumber: 'Ma 2369', title: { fr: 'Victoire de Samothrace', en: 'Winged Victory of Samothrace', zh: '萨莫色雷斯的胜利女神' }, short: { fr: 'Victoire de Samothrace', en: 'Winged Victory', zh: '胜利女神' }, artist: 'Anonyme, Grèce hellénistique', period: 'vers 190 av. J.-C.' },
      { accessionNumber: 'RF 129', title: { fr: 'Le 28 juillet. La Liberté guidant le peuple', en: 'Liberty Leading the People', zh: '自由引导人民' }, short: { fr: 'La Liberté', en: 'Liberty', zh: '自由引导人民' }, artist: 'Eugène Delacroix', period: '1830' },
      { accessionNumber: 'INV 4884', title: { fr: 'Le Radeau de La Méduse', en: 'The Raft of the Medusa', zh: '梅杜萨之筏' }, short: { fr: 'Radeau de La Méduse', en: 'Raft of the Medusa', zh: '梅杜萨之筏' }, artist: 'Théodore Géricault', period: '1818–1819' },
      { accessionNumber: 'MI 1448', title: { fr: 'La Dentellière', en: 'The Lacemaker', zh: '花边女工' }, short: { fr: 'La Dentellière', en: 'Lacemaker', zh: '花边女工' }, artist: 'Johannes Vermeer', period: 'vers 1669–1670' },
      { accessionNumber: 'INV 3699', title: { fr: 'Sacre de l’empereur Napoléon Ier', en: 'The Coronation of Napoleon', zh: '拿破仑一世加冕礼' }, short: { fr: 'Sacre de Napoléon', en: 'Coronation', zh: '拿破仑加冕' }, artist: 'Jacques-Louis David', period: '1805–1807' },
      { accessionNumber: 'RF 1158', title: { fr: 'Une odalisque, dite La Grande Odalisque', en: 'La Grande Odalisque', zh: '大宫女' }, short: { fr: 'Grande Odalisque', en: 'Grande Odalisque', zh: '大宫女' }, artist: 'Jean-Auguste-Dominique Ingres', period: '1814' },
    ],
    theme: { slug: 'la-joconde', name: { fr: 'Autour de La Joconde', en: 'The Mona Lisa edit', zh: '蒙娜丽莎系列' }, works: ['INV 779'] },
  },
  {
    slug: 'british-museum',
    legalName: 'The Trustees of the British Museum',
    country: 'GB',
    managerEmail: 'manager@britishmuseum.test',
    name: { fr: 'Boutique du British Museum', en: 'British Museum Shop', zh: '大英博物馆官方旗舰店' },
    story: {
      fr: 'Deux millions d’années d’histoire humaine, de la pierre de Rosette aux estampes d’Hokusai, en objets du quotidien.',
      en: 'Two million years of human history, from the Rosetta Stone to Hokusai’s prints, in everyday objects.',
      zh: '两百万年人类文明史，从罗塞塔石碑到葛饰北斋浮世绘，化作日常好物。',
    },
    creditLine: '© The Trustees of the British Museum',
    artworks: [
      { accessionNumber: 'EA 24', title: { fr: 'La pierre de Rosette', en: 'The Rosetta Stone', zh: '罗塞塔石碑' }, short: { fr: 'Pierre de Rosette', en: 'Rosetta Stone', zh: '罗塞塔石碑' }, artist: 'Anonymous, Ptolemaic Egypt', period: '196 BC' },
      { accessionNumber: '1906,1220,0.533', title: { fr: 'Sous la vague au large de Kanagawa', en: 'Under the Wave off Kanagawa (The Great Wave)', zh: '神奈川冲浪里' }, short: { fr: 'La Grande Vague', en: 'Great Wave', zh: '神奈川冲浪里' }, artist: 'Katsushika Hokusai', period: 'c. 1831' },
      { accessionNumber: '1939,1010.93', title: { fr: 'Casque de Sutton Hoo', en: 'Sutton Hoo helmet', zh: '萨顿胡头盔' }, short: { fr: 'Sutton Hoo', en: 'Sutton Hoo', zh: '萨顿胡头盔' }, artist: 'Anonymous, Anglo-Saxon', period: 'early 7th century' },
      { accessionNumber: 'EA 64391', title: { fr: 'Le chat Gayer-Anderson', en: 'The Gayer-Anderson cat', zh: '盖尔-安德森猫' }, short: { fr: 'Chat Gayer-Anderson', en: 'Gayer-Anderson Cat', zh: '埃及猫' }, artist: 'Anonymous, Late Period Egypt', period: 'c. 600 BC' },
      { accessionNumber: '1831,1101.78', title: { fr: 'Pièces d’échecs de Lewis', en: 'The Lewis Chessmen', zh: '刘易斯棋子' }, short: { fr: 'Échecs de Lewis', en: 'Lewis Chessmen', zh: '刘易斯棋子' }, artist: 'Anonymous, Norse', period: 'c. 1150–1200' },
      { accessionNumber: 'EA 19', title: { fr: 'Buste de Ramsès II', en: 'Bust of Ramesses II (the Younger Memnon)', zh: '拉美西斯二世半身像' }, short: { fr: 'Ramsès II', en: 'Ramesses II', zh: '拉美西斯二世' }, artist: 'Anonymous, New Kingdom Egypt', period: 'c. 1250 BC' },
      { accessionNumber: '1903,0408,0.1', title: { fr: 'Les Admonitions de la monitrice aux dames du palais', en: 'The Admonitions Scroll', zh: '女史箴图' }, short: { fr: 'Admonitions', en: 'Admonitions Scroll', zh: '女史箴图' }, artist: 'attributed to Gu Kaizhi', period: '5th–8th century' },
      { accessionNumber: 'EA 10470,3', title: { fr: 'Papyrus d’Ani, Livre des morts', en: 'The Papyrus of Ani, Book of the Dead', zh: '阿尼纸草《亡灵书》' }, short: { fr: 'Papyrus d’Ani', en: 'Papyrus of Ani', zh: '亡灵书' }, artist: 'Anonymous, New Kingdom Egypt', period: 'c. 1250 BC' },
    ],
    theme: { slug: 'ancient-egypt', name: { fr: 'Égypte ancienne', en: 'Ancient Egypt', zh: '古埃及' }, works: ['EA 24', 'EA 64391', 'EA 19', 'EA 10470,3'] },
  },
  {
    slug: 'orsay',
    legalName: 'Établissement public des musées d’Orsay et de l’Orangerie',
    country: 'FR',
    managerEmail: 'manager@orsay.test',
    name: { fr: 'Boutique du musée d’Orsay', en: 'Musée d’Orsay Shop', zh: '奥赛博物馆官方旗舰店' },
    story: {
      fr: 'L’impressionnisme et le postimpressionnisme au quotidien : Monet, Van Gogh, Renoir, Degas.',
      en: 'Impressionism and post-impressionism for every day: Monet, Van Gogh, Renoir, Degas.',
      zh: '把印象派与后印象派带进生活：莫奈、梵高、雷诺阿、德加。',
    },
    creditLine: '© GrandPalaisRmn (musée d’Orsay)',
    artworks: [
      { accessionNumber: 'RF 1975 19', title: { fr: 'La Nuit étoilée', en: 'Starry Night Over the Rhône', zh: '罗纳河上的星夜' }, short: { fr: 'Nuit étoilée', en: 'Starry Night', zh: '星夜' }, artist: 'Vincent van Gogh', period: '1888' },
      { accessionNumber: 'RF 1676', title: { fr: 'Coquelicots', en: 'Poppy Field', zh: '罂粟花田' }, short: { fr: 'Coquelicots', en: 'Poppies', zh: '罂粟花' }, artist: 'Claude Monet', period: '1873' },
      { accessionNumber: 'RF 2739', title: { fr: 'Bal du moulin de la Galette', en: 'Dance at Le Moulin de la Galette', zh: '煎饼磨坊的舞会' }, short: { fr: 'Moulin de la Galette', en: 'Moulin de la Galette', zh: '煎饼磨坊' }, artist: 'Pierre-Auguste Renoir', period: '1876' },
      { accessionNumber: 'RF 644', title: { fr: 'Olympia', en: 'Olympia', zh: '奥林匹亚' }, short: { fr: 'Olympia', en: 'Olympia', zh: '奥林匹亚' }, artist: 'Édouard Manet', period: '1863' },
      { accessionNumber: 'RF 699', title: { fr: 'Arrangement en gris et noir n°1', en: 'Whistler’s Mother', zh: '惠斯勒的母亲' }, short: { fr: 'Mère de Whistler', en: 'Whistler’s Mother', zh: '惠斯勒的母亲' }, artist: 'James Abbott McNeill Whistler', period: '1871' },
      { accessionNumber: 'RF 1949 17', title: { fr: 'Portrait de l’artiste', en: 'Self-Portrait', zh: '梵高自画像' }, short: { fr: 'Autoportrait', en: 'Self-Portrait', zh: '梵高自画像' }, artist: 'Vincent van Gogh', period: '1889' },
      { accessionNumber: 'RF 1969', title: { fr: 'Les Joueurs de cartes', en: 'The Card Players', zh: '玩纸牌者' }, short: { fr: 'Joueurs de cartes', en: 'Card Players', zh: '玩纸牌者' }, artist: 'Paul Cézanne', period: '1890–1895' },
      { accessionNumber: 'RF 1976', title: { fr: 'La Classe de danse', en: 'The Dance Class', zh: '舞蹈课' }, short: { fr: 'Classe de danse', en: 'Dance Class', zh: '舞蹈课' }, artist: 'Edgar Degas', period: '1873–1876' },
    ],
    theme: { slug: 'van-gogh', name: { fr: 'Van Gogh à Orsay', en: 'Van Gogh at Orsay', zh: '梵高系列' }, works: ['RF 1975 19', 'RF 1949 17'] },
  },
];

export const PRODUCT_TYPES: ProductType[] = [
  {
    key: 'SCARF',
    category: 'scarves',
    crossBorderCategory: 'APPAREL',
    hsCode: '621410',
    weightGrams: 90,
    name: (w) => ({ fr: `Carré de soie ${w.fr}`, en: `${w.en} silk scarf`, zh: `${w.zh}真丝方巾` }),
    description: (w, a) => ({
      fr: `Carré en twill de soie imprimé en Italie d’après ${w.fr} (${a.fr}). Ourlet roulotté main.`,
      en: `Silk twill square printed in Italy after ${w.en} by ${a.en}. Hand-rolled hem.`,
      zh: `以${a.zh}的《${w.zh}》为灵感，意大利印制真丝斜纹方巾，手工卷边。`,
    }),
    variants: [
      { code: '90', options: { size: '90 × 90 cm' }, priceMinor: 8_900 },
      { code: '55', options: { size: '55 × 55 cm' }, priceMinor: 5_900 },
    ],
  },
  {
    key: 'TOTE',
    category: 'bags',
    crossBorderCategory: 'GENERAL',
    hsCode: '420222',
    weightGrams: 180,
    name: (w) => ({ fr: `Sac cabas ${w.fr}`, en: `${w.en} tote bag`, zh: `${w.zh}帆布袋` }),
    description: (w, a) => ({
      fr: `Sac en coton biologique épais, sérigraphié d’un détail de ${w.fr} (${a.fr}).`,
      en: `Heavy organic cotton tote, screen-printed with a detail of ${w.en} by ${a.en}.`,
      zh: `加厚有机棉帆布袋，丝网印刷${a.zh}《${w.zh}》局部图案。`,
    }),
    variants: [{ code: 'STD', options: { colour: 'natural' }, priceMinor: 2_500 }],
  },
  {
    key: 'NOTEBOOK',
    category: 'stationery',
    crossBorderCategory: 'STATIONERY',
    hsCode: '482010',
    weightGrams: 250,
    name: (w) => ({ fr: `Carnet ${w.fr}`, en: `${w.en} notebook`, zh: `${w.zh}笔记本` }),
    description: (w, a) => ({
      fr: `Carnet A5 à couverture toilée illustrée de ${w.fr} (${a.fr}), 192 pages, papier 90 g.`,
      en: `A5 clothbound notebook with ${w.en} by ${a.en} on the cover, 192 pages of 90 gsm paper.`,
      zh: `A5布面精装笔记本，封面为${a.zh}《${w.zh}》，192页90克纸。`,
    }),
    variants: [
      { code: 'LINED', options: { paper: 'lined' }, priceMinor: 1_490 },
      { code: 'DOT', options: { paper: 'dotted' }, priceMinor: 1_490 },
    ],
  },
  {
    key: 'PUZZLE',
    category: 'puzzles',
    crossBorderCategory: 'TOYS',
    hsCode: '950300',
    weightGrams: 700,
    name: (w) => ({ fr: `Puzzle ${w.fr}`, en: `${w.en} jigsaw puzzle`, zh: `${w.zh}拼图` }),
    description: (w, a) => ({
      fr: `Puzzle en carton recyclé reproduisant ${w.fr} de ${a.fr}. Pièces découpées à la main en France.`,
      en: `Recycled-board jigsaw of ${w.en} by ${a.en}. Pieces cut in France.`,
      zh: `再生纸板拼图，完整再现${a.zh}的《${w.zh}》，法国裁切。`,
    }),
    variants: [
      { code: '500', options: { pieces: '500' }, priceMinor: 1_990 },
      { code: '1000', options: { pieces: '1000' }, priceMinor: 2_490 },
    ],
  },
  {
    key: 'MUG',
    category: 'tableware',
    crossBorderCategory: 'HOMEWARE',
    hsCode: '691110',
    weightGrams: 350,
    name: (w) => ({ fr: `Mug en porcelaine ${w.fr}`, en: `${w.en} porcelain mug`, zh: `${w.zh}骨瓷马克杯` }),
    description: (w, a) => ({
      fr: `Mug en porcelaine de Limoges, 30 cl, décor d’après ${w.fr} (${a.fr}). Passe au lave-vaisselle.`,
      en: `Limoges porcelain mug, 30 cl, decorated after ${w.en} by ${a.en}. Dishwasher safe.`,
      zh: `法国利摩日瓷马克杯，容量300毫升，图案取自${a.zh}《${w.zh}》，可用洗碗机清洗。`,
    }),
    variants: [{ code: 'STD', options: {}, priceMinor: 1_900 }],
  },
  {
    key: 'PRINT',
    category: 'prints',
    crossBorderCategory: 'GENERAL',
    hsCode: '491191',
    weightGrams: 200,
    name: (w) => ({ fr: `Reproduction ${w.fr}`, en: `${w.en} art print`, zh: `${w.zh}艺术复制画` }),
    description: (w, a) => ({
      fr: `Impression giclée sur papier d’art de ${w.fr} (${a.fr}), à partir de la photographie de référence du musée.`,
      en: `Giclée print of ${w.en} by ${a.en} on fine-art paper, from the museum’s reference photograph.`,
      zh: `以博物馆官方影像为底本，艺术微喷复制${a.zh}《${w.zh}》，收藏级艺术纸。`,
    }),
    variants: [
      { code: '3040', options: { size: '30 × 40 cm' }, priceMinor: 3_500 },
      { code: '5070', options: { size: '50 × 70 cm' }, priceMinor: 5_900 },
    ],
  },
  {
    key: 'EARRINGS',
    category: 'jewellery',
    crossBorderCategory: 'JEWELLERY',
    hsCode: '711719',
    weightGrams: 12,
    name: (w) => ({ fr: `Boucles d’oreilles ${w.fr}`, en: `${w.en} earrings`, zh: `${w.zh}耳环` }),
    description: (w, a) => ({
      fr: `Boucles en laiton doré à l’or fin, motif tiré de ${w.fr} (${a.fr}).`,
      en: `Gold-plated brass earrings with a motif from ${w.en} by ${a.en}.`,
      zh: `镀金黄铜耳环，纹样取自${a.zh}《${w.zh}》。`,
    }),
    variants: [{ code: 'STD', options: { finish: 'gold' }, priceMinor: 4_500 }],
  },
  {
    key: 'HANDCREAM',
    category: 'beauty',
    crossBorderCategory: 'COSMETICS',
    hsCode: '330499',
    weightGrams: 90,
    name: (w) => ({ fr: `Crème mains ${w.fr}`, en: `${w.en} hand cream`, zh: `${w.zh}护手霜` }),
    description: (w) => ({
      fr: `Crème mains au karité, 75 ml, tube illustré de ${w.fr}. Fabriquée en France.`,
      en: `Shea butter hand cream, 75 ml, in a tube illustrated with ${w.en}. Made in France.`,
      zh: `乳木果护手霜75毫升，管身印有《${w.zh}》，法国制造。`,
    }),
    // 22.00 EUR ≈ 178 CNY for 75 ml: 2.37 CNY/ml, below the 10 CNY/ml of high-end cosmetics (9.1 %).
    variants: [{ code: '75', options: { volume: '75 ml' }, priceMinor: 2_200, netContent: { amount: 75, unit: 'ML' } }],
  },
  {
    key: 'TSHIRT',
    category: 'apparel',
    crossBorderCategory: 'APPAREL',
    hsCode: '610910',
    weightGrams: 160,
    name: (w) => ({ fr: `T-shirt ${w.fr}`, en: `${w.en} T-shirt`, zh: `${w.zh}T恤` }),
    description: (w, a) => ({
      fr: `T-shirt unisexe en coton biologique, impression de ${w.fr} (${a.fr}).`,
      en: `Unisex organic cotton T-shirt printed with ${w.en} by ${a.en}.`,
      zh: `中性款有机棉T恤，印有${a.zh}《${w.zh}》。`,
    }),
    variants: ['S', 'M', 'L', 'XL'].map((size) => ({ code: size, options: { size }, priceMinor: 2_900 })),
  },
  {
    key: 'UMBRELLA',
    category: 'accessories',
    crossBorderCategory: 'GENERAL',
    hsCode: '660191',
    weightGrams: 420,
    name: (w) => ({ fr: `Parapluie ${w.fr}`, en: `${w.en} umbrella`, zh: `${w.zh}雨伞` }),
    description: (w, a) => ({
      fr: `Parapluie pliant, toile intérieure imprimée de ${w.fr} (${a.fr}).`,
      en: `Folding umbrella with ${w.en} by ${a.en} printed on the inside canopy.`,
      zh: `折叠雨伞，伞面内侧印有${a.zh}《${w.zh}》。`,
    }),
    variants: [{ code: 'STD', options: {}, priceMinor: 3_900 }],
  },
  {
    // Permanent magnets are not on the cross-border positive list: these stay drafts.
    key: 'MAGNET',
    category: 'souvenirs',
    crossBorderCategory: 'GENERAL',
    hsCode: '850511',
    weightGrams: 30,
    name: (w) => ({ fr: `Magnet ${w.fr}`, en: `${w.en} fridge magnet`, zh: `${w.zh}冰箱贴` }),
    description: (w) => ({
      fr: `Magnet en résine reproduisant ${w.fr}.`,
      en: `Resin fridge magnet of ${w.en}.`,
      zh: `树脂冰箱贴，复刻《${w.zh}》。`,
    }),
    variants: [{ code: 'STD', options: {}, priceMinor: 650 }],
  },
  {
    key: 'BOOKMARK',
    category: 'stationery',
    crossBorderCategory: 'STATIONERY',
    hsCode: '482390',
    weightGrams: 30,
    name: (w) => ({ fr: `Marque-pages ${w.fr}`, en: `${w.en} bookmarks`, zh: `${w.zh}书签` }),
    description: (w, a) => ({
      fr: `Lot de trois marque-pages en papier texturé, détails de ${w.fr} (${a.fr}).`,
      en: `Set of three textured-paper bookmarks with details of ${w.en} by ${a.en}.`,
      zh: `三枚装艺术纸书签，选取${a.zh}《${w.zh}》细节。`,
    }),
    variants: [{ code: 'SET3', options: { pack: '3' }, priceMinor: 950 }],
  },
];

/** HS prefixes of the cross-border positive list the demo uses (not 8505: magnets). */
export const POSITIVE_LIST: { hsPrefix: string; description: string }[] = [
  { hsPrefix: '6214', description: 'Shawls, scarves, mufflers, veils' },
  { hsPrefix: '4202', description: 'Trunks, handbags, tote and shopping bags' },
  { hsPrefix: '4820', description: 'Registers, notebooks, diaries of paper' },
  { hsPrefix: '4823', description: 'Other paper articles (bookmarks)' },
  { hsPrefix: '4911', description: 'Other printed matter, pictures and prints' },
  { hsPrefix: '4901', description: 'Printed books and brochures' },
  { hsPrefix: '9503', description: 'Toys and puzzles' },
  { hsPrefix: '6911', description: 'Porcelain tableware and kitchenware' },
  { hsPrefix: '7117', description: 'Imitation jewellery' },
  { hsPrefix: '3304', description: 'Beauty and skin-care preparations' },
  { hsPrefix: '3406', description: 'Candles' },
  { hsPrefix: '6109', description: 'T-shirts, knitted' },
  { hsPrefix: '6601', description: 'Umbrellas' },
];

export interface DemoProduct {
  key: string;
  museumSlug: string;
  type: ProductType;
  work: DemoArtwork;
  name: Text3;
  description: Text3;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  popularity: number;
  /** Days before the seed run. */
  ageDays: number;
  skus: string[];
}

/** A small deterministic hash, so every run produces the same catalogue. */
export function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const museumCode = (slug: string) => slug.split('-').map((w) => w.slice(0, 3).toUpperCase()).join('');

/**
 * Seven product types per work, rotated so every museum gets a varied shelf: 3 museums ×
 * 8 works × 7 = 168 products. Magnets stay drafts (HS code off the positive list), one in
 * thirteen lacks its zh-CN description (a draft the console shows as not listable), a few are
 * archived; the rest are published.
 */
export function demoProducts(museums: readonly DemoMuseum[] = MUSEUMS, perWork = 7): DemoProduct[] {
  const out: DemoProduct[] = [];
  for (const museum of museums) {
    museum.artworks.forEach((work, wi) => {
      for (let k = 0; k < perWork; k++) {
        const type = PRODUCT_TYPES[(wi * 2 + k) % PRODUCT_TYPES.length]!;
        const key = `${museum.slug}:${work.accessionNumber}:${type.key}`;
        const h = hash(key);
        const description = type.description(work.short, artistName(work.artist));
        const missingZh = h % 13 === 0 && type.key !== 'MAGNET';
        const status = type.key === 'MAGNET' || missingZh ? 'DRAFT' : h % 23 === 0 ? 'ARCHIVED' : 'PUBLISHED';
        const stem = `${museumCode(museum.slug)}-${work.accessionNumber.replace(/[^A-Za-z0-9]+/g, '')}-${type.key}`;
        out.push({
          key,
          museumSlug: museum.slug,
          type,
          work,
          name: type.name(work.short),
          description: missingZh ? { ...description, zh: '' } : description,
          status,
          popularity: h % 1000,
          ageDays: h % 120,
          skus: type.variants.map((v) => `${stem}-${v.code}`),
        });
      }
    });
  }
  return out;
}
