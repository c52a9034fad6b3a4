export { launch, CHROMIUM } from '../../scripts/site/chromium.ts'
