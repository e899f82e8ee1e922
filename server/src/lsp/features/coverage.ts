import { coverageRows, standardSector } from '../../core';
import { ready, ServerContext } from '../context';
import { BundledGuidelineRequest, CoverageReportRequest } from '../protocol';
import { locationIn } from './navigation';

/** Kijun's own requests: the coverage report of a standard, and the text of a bundled guideline. */
export function registerCoverageRequests(context: ServerContext): void {
  const { connection } = context;
  connection.onRequest(BundledGuidelineRequest.method, ({ uri }: { uri: string }) => context.bundledTexts.get(uri) ?? null);

  connection.onRequest(CoverageReportRequest.method, ({ uri }: { uri: string }) => {
    ready(context, uri);
    const analysis = context.workspace().analyze(uri);
    if (!analysis.coverage || analysis.model?.kind !== 'standard') return null;
    const catalog = analysis.catalog!;
    const sector = standardSector(analysis.model, catalog);
    return {
      standard: analysis.model.id?.value,
      guideline: catalog.id,
      sector: sector?.label.value,
      mustConsider: analysis.coverage.mustConsider,
      reference: analysis.coverage.reference,
      // Each row with where its item is defined, for the coverage list to go there.
      items: coverageRows(analysis.coverage, context.locale()).map((row, i) => ({
        ...row,
        definition: locationIn(context.workspace(), catalog.uri, analysis.coverage!.items[i].item.id.span),
      })),
    };
  });
}
