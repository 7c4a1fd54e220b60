/** Who a digest is for, as its heading says it. */
import type { DigestAudience } from '../digest.js';

export function formatAudience(audience: DigestAudience): string {
  switch (audience.kind) {
    case 'company':
      return 'the whole company';
    case 'team':
      return `${audience.name} (${audience.team ?? 'team'})`;
    case 'rep':
      return audience.name;
  }
}
