export { launch, CHROMIUM } from '../../scripts/chromium.ts'
