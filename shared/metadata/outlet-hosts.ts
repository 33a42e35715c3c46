// Readable outlet names for the hosts of news sites, for a page that declares no site name
// (og:site_name, JSON-LD publisher): its canonical URL's host says who published it. Data, with
// the rule for hosts not listed: the registrable name, capitalised ("example-times.co.uk" →
// "Example Times").

/** Host (without "www.") → outlet name. Subdomains match their parent ("edition.cnn.com" → CNN). */
export const OUTLET_HOSTS: Record<string, string> = {
  'bbc.co.uk': 'BBC News',
  'bbc.com': 'BBC News',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'theguardian.com': 'The Guardian',
  'reuters.com': 'Reuters',
  'apnews.com': 'Associated Press',
  'aljazeera.com': 'Al Jazeera',
  'aljazeera.net': 'Al Jazeera',
  'cnn.com': 'CNN',
  'foxnews.com': 'Fox News',
  'nbcnews.com': 'NBC News',
  'cbsnews.com': 'CBS News',
  'abcnews.go.com': 'ABC News',
  'npr.org': 'NPR',
  'wsj.com': 'The Wall Street Journal',
  'ft.com': 'Financial Times',
  'economist.com': 'The Economist',
  'bloomberg.com': 'Bloomberg',
  'telegraph.co.uk': 'The Telegraph',
  'independent.co.uk': 'The Independent',
  'timesofisrael.com': 'The Times of Israel',
  'haaretz.com': 'Haaretz',
  'jpost.com': 'The Jerusalem Post',
  'france24.com': 'France 24',
  'lemonde.fr': 'Le Monde',
  'liberation.fr': 'Libération',
  'lefigaro.fr': 'Le Figaro',
  'elpais.com': 'El País',
  'spiegel.de': 'Der Spiegel',
  'zeit.de': 'Die Zeit',
  'faz.net': 'Frankfurter Allgemeine Zeitung',
  'dw.com': 'Deutsche Welle',
  'heise.de': 'heise online',
  'folha.uol.com.br': 'Folha de S.Paulo',
  'lanacion.com.ar': 'La Nación',
  'middleeasteye.net': 'Middle East Eye',
  'arabnews.com': 'Arab News',
  'thenationalnews.com': 'The National',
  'kyivindependent.com': 'The Kyiv Independent',
  'theverge.com': 'The Verge',
  'arstechnica.com': 'Ars Technica',
  'seattletimes.com': 'The Seattle Times',
  'news.yahoo.com': 'Yahoo News',
  'breitbart.com': 'Breitbart',
  'salon.com': 'Salon',
  'buzzfeed.com': 'BuzzFeed',
  'buzzfeednews.com': 'BuzzFeed News',
  'theatlantic.com': 'The Atlantic',
  'vox.com': 'Vox',
  'politico.com': 'Politico',
  'axios.com': 'Axios',
  'thehill.com': 'The Hill',
  'usatoday.com': 'USA Today',
  'latimes.com': 'Los Angeles Times',
  'airwars.org': 'Airwars',
  'hrw.org': 'Human Rights Watch',
  'amnesty.org': 'Amnesty International',
  'reliefweb.int': 'ReliefWeb',
  'un.org': 'United Nations',
};

/** Second-level labels under which a registrable name sits ("co.uk", "com.br"). */
const SECOND_LEVEL = /^(co|com|org|net|gov|ac|edu|go|or|ne|gob)$/;

/** The outlet's name for a host: the table's, else the registrable name capitalised; null for an IP or localhost. */
export function outletOfHost(host: string): string | null {
  const h = host
    .toLowerCase()
    .replace(/^www\d*\./, '')
    .replace(/\.$/, '');
  if (!h.includes('.') || /^[\d.:]+$/.test(h)) return null;
  for (let rest = h; rest.includes('.'); rest = rest.slice(rest.indexOf('.') + 1)) if (OUTLET_HOSTS[rest]) return OUTLET_HOSTS[rest];
  const labels = h.split('.');
  let i = labels.length - 2;
  if (i > 0 && SECOND_LEVEL.test(labels[i]) && labels[labels.length - 1].length === 2) i--;
  const name = labels[Math.max(0, i)];
  if (!name || name.length < 2) return null;
  return name
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
