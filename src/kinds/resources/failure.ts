import { SOURCES as S } from '../../topology/failures/sources';
import type { FailureWords } from '../types';

/** A load balancer's state in a what-if: serving or not, its amphorae. */
export const loadBalancerFailure: FailureWords<'load-balancer'> = {
  whatIf: (el, r) => {
    const lb = r.loadBalancers.get(el.id);
    return (
      lb && {
        label: 'What if',
        text: `${lb.up ? 'Serving' : 'Down'}: ${lb.amphoraeUp.length} of ${lb.amphorae.length} amphorae working${
          lb.amphoraeUp.length < lb.amphorae.length
            ? lb.rebuilt
              ? '; the lost ones are rebuilt'
              : '; nothing rebuilds the lost ones'
            : ''
        }.`,
        source: S.octaviaConfig,
      }
    );
  },
};
