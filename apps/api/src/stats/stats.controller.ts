import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Requires, type Principal } from '../auth/principal.js';
import { OverviewQuery, OverviewResponse } from './stats.dto.js';
import { StatsService } from './stats.service.js';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('overview')
  @ApiOperation({
    summary: 'Aggregates for the annual report (analyst only; 403 otherwise)',
    description: `Cases whose concern was logged from \`from\` to \`to\` (inclusive, Europe/Oslo), in total and by unit kind and cluster.
Every count under 5 (0–4) is \`{value: null, suppressed: true}\`. Medians are suppressed below 5 measured cases, a share when its numerator or denominator is suppressed. Cells that add up to a shown total (levels, routes, the groups of a breakdown) never leave exactly one suppressed cell: the smallest other is suppressed too, and a group whose concern count is suppressed is suppressed whole.`,
  })
  @ApiOkResponse({ type: OverviewResponse })
  @Requires('stats.read')
  overview(@CurrentPrincipal() principal: Principal, @Query() query: OverviewQuery): Promise<OverviewResponse> {
    return this.stats.overview(principal, query);
  }
}
