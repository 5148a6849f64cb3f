// Trains the NER tagger on CoNLL-2003 eng.train and writes models/ner.bin.gz, printing dev (eng.testa)
// F1 after each epoch. Reproducible: fixed seed, fixed epochs. Usage: npm run train:ner
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { conllDir, toTrainingDocuments, evaluateModel } from '../eval/ner.js';
import { readConll } from '../eval/conll.js';
import { buildGazetteer } from '../src/nlp/ner/gazetteer-build.js';
import { MODEL_PATH, serializeModel } from '../src/nlp/ner/model.js';
import { trainNer } from '../src/nlp/ner/train.js';
import { packagePath } from '../src/paths.js';

const SETTINGS = { rows: 1 << 19, epochs: 10, seed: 2003, upperCaseShare: 0.12, lowerCaseShare: 0.04, titleCaseShare: 0.05 };

function main(): void {
  if (!existsSync(join(conllDir, 'eng.train'))) {
    console.log(`train-ner: skipped, CoNLL-2003 not found at ${conllDir}`);
    return;
  }
  const started = Date.now();
  const train = toTrainingDocuments(readConll(join(conllDir, 'eng.train')));
  const dev = readConll(join(conllDir, 'eng.testa'));
  const gazetteer = buildGazetteer();
  console.log(`gazetteer: ${gazetteer.size} phrases; settings ${JSON.stringify(SETTINGS)}`);
  const model = trainNer(train, {
    ...SETTINGS,
    gazetteer,
    onEpoch: (epoch, averaged) => {
      const { score } = evaluateModel(averaged, dev);
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`epoch ${epoch}: dev F1 ${(100 * score.overall.f1).toFixed(2)} (${seconds}s)`);
    },
  });
  const file = serializeModel(model);
  const out = packagePath(MODEL_PATH);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, file);
  console.log(`wrote ${out} (${(file.length / 1e6).toFixed(2)} MB) in ${((Date.now() - started) / 1000).toFixed(0)}s`);
}

main();
